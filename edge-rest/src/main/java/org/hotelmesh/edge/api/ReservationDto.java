package org.hotelmesh.edge.api;

import java.util.List;

/**
 * A reservation as the API shows it; {@code total} is null until priced, statuses are lower case.
 * {@code cancellationPolicy} is the policy it was booked under (null for bookings made before policies).
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
        CancellationPolicyDto cancellationPolicy) {
}
