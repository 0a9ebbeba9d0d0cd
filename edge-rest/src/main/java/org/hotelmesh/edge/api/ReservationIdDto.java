package org.hotelmesh.edge.api;

/** A fresh idempotency key for a booking. */
public record ReservationIdDto(String reservationID) {
}
