package org.hotelmesh.edge.api;

import java.util.List;

/**
 * A reservation as the API shows it; {@code total} is null until priced, statuses are lower case (pending, paid,
 * rejected, canceled, refunded, checked_in, checked_out, no_show). {@code cancellationPolicy} is the policy it was
 * booked under (null for bookings made before policies). {@code roomAssignments} are the rooms it was given from
 * check-in on, oldest first; {@code bookedBy} who made it (the guest, or the staff member who booked for them, then
 * with {@code guestName}); {@code changes} the changes of its stay, oldest first; {@code releasedFrom} the first night
 * given back when it ended early or was a no-show.
 */
public record ReservationDto(
        String reservationID,
        String hotelID,
        String roomTypeID,
        String startDate,
        String endDate,
        int rooms,
        String guestID,
        String status,
        MoneyDto total,
        List<NightPriceDto> nights,
        List<StatusChangeDto> history,
        String createdAt,
        String quoteID,
        PaymentDto payment,
        CancellationPolicyDto cancellationPolicy,
        List<RoomAssignmentDto> roomAssignments,
        String bookedBy,
        String guestName,
        List<StayChangeDto> changes,
        String releasedFrom) {
}
