package org.hotelmesh.edge.api;

/**
 * Free cancellation until {@code freeUntilDays} before arrival (hotel calendar); later, {@code fee} is first_night
 * (the first night of every room) or percentage ({@code feePercent} of the total). {@code terms} says it in words.
 */
public record CancellationPolicyDto(int freeUntilDays, String fee, Integer feePercent, String terms) {
}
