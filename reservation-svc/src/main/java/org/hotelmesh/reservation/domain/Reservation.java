package org.hotelmesh.reservation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored reservation with its status history, oldest first. {@code price} is null only for reservations made before
 * bookings were priced, {@code cancellationPolicy} for those made before policies.
 */
public record Reservation(String reservationId, long hotelId, long roomTypeId, LocalDate startDate,
        LocalDate endDate, int rooms, String guestId, ReservationStatus status, String requestHash, String quoteId,
        StayPrice price, PaymentInfo payment, CancellationPolicy cancellationPolicy, Instant createdAt,
        List<StatusChange> history) {

    public record StatusChange(ReservationStatus status, Instant at, String by) {
    }

    public Reservation withHistory(List<StatusChange> changes) {
        return new Reservation(reservationId, hotelId, roomTypeId, startDate, endDate, rooms, guestId, status,
                requestHash, quoteId, price, payment, cancellationPolicy, createdAt, List.copyOf(changes));
    }
}
