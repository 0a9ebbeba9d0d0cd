package org.hotelmesh.edge.api;

/**
 * The answer to a check-out: the reservation, checked out, and {@code refund}, what an early departure gives back
 * (the nights from today, under the reservation's policy); null when nothing is refunded.
 */
public record CheckOutDto(ReservationDto reservation, MoneyDto refund) {
}
