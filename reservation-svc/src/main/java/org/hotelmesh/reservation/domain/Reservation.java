package org.hotelmesh.reservation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A stored reservation with its status history, oldest first. Money is absent until the booking is priced. */
public record Reservation(String reservationId, long hotelId, long roomTypeId, LocalDate startDate,
        LocalDate endDate, int rooms, String guestId, ReservationStatus status, String requestHash, String quoteId,
        String currency, Long totalAmountMinor, Instant createdAt, List<StatusChange> history) {

    public record StatusChange(ReservationStatus status, Instant at, String by) {
    }

    public Reservation withHistory(List<StatusChange> changes) {
        return new Reservation(reservationId, hotelId, roomTypeId, startDate, endDate, rooms, guestId, status,
                requestHash, quoteId, currency, totalAmountMinor, createdAt, List.copyOf(changes));
    }
}
