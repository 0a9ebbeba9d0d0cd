package org.hotelmesh.edge.api;

import java.util.List;

/**
 * A quote: the stay priced now and kept until {@code expiresAt}. Booking with {@code quoteID} and
 * {@code reservationID} before then is charged exactly {@code totalAmount}; {@code nights} are per room.
 */
public record QuoteDto(
        String quoteID,
        String reservationID,
        String hotelID,
        String roomTypeID,
        String startDate,
        String endDate,
        int rooms,
        List<NightPriceDto> nights,
        long totalAmount,
        String currency,
        String expiresAt) {
}
