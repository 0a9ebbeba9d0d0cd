package org.hotelmesh.edge.api;

/** What cancelling now would refund and cost; an amount is null when there is none to speak of. */
public record CancellationDto(MoneyDto refund, MoneyDto fee, String policy) {
}
