package org.hotelmesh.reservation.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A stored reservation with its status history, oldest first. {@code price} is null only for reservations made before
 * bookings were priced, {@code cancellationPolicy} for those made before policies. {@code bookedBy} is who made it (the
 * guest, or the staff member who booked for them), {@code guestName} the name staff booked it under (else null);
 * {@code releasedFrom}, for a stay that ended after it began, the first night it gave back. {@code rooms} assigned at
 * check-in and the {@code changes} of its stay are oldest first.
 */
public record Reservation(String reservationId, long hotelId, long roomTypeId, LocalDate startDate,
        LocalDate endDate, int rooms, String guestId, ReservationStatus status, String requestHash, String quoteId,
        StayPrice price, PaymentInfo payment, CancellationPolicy cancellationPolicy, Instant createdAt,
        List<StatusChange> history, String bookedBy, String guestName, LocalDate releasedFrom,
        List<RoomAssignment> assignments, List<StayChange> changes) {

    public record StatusChange(ReservationStatus status, Instant at, String by) {
    }

    public Reservation withDetails(List<StatusChange> history, List<RoomAssignment> assignments,
            List<StayChange> changes) {
        return new Reservation(reservationId, hotelId, roomTypeId, startDate, endDate, rooms, guestId, status,
                requestHash, quoteId, price, payment, cancellationPolicy, createdAt, List.copyOf(history), bookedBy,
                guestName, releasedFrom, List.copyOf(assignments), List.copyOf(changes));
    }

    public Reservation withAssignments(List<RoomAssignment> marked) {
        return withDetails(history, marked, changes);
    }

    /** The stay's terms now: what a change starts from. */
    public StayTerms terms() {
        return new StayTerms(roomTypeId, startDate, endDate, rooms, price == null ? 0 : price.totalMinor());
    }
}
