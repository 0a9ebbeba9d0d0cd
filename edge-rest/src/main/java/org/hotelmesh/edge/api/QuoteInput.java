package org.hotelmesh.edge.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** The body of POST /v1/quotes: the stay to price, like a booking without its id. */
public record QuoteInput(
        @NotNull(message = "is required") @Positive(message = "must be a positive id") Long hotelID,
        @NotNull(message = "is required") @Positive(message = "must be a positive id") Long roomTypeID,
        String startDate,
        String endDate,
        @Min(value = 1, message = "must be between 1 and 9") @Max(value = 9, message = "must be between 1 and 9") Integer rooms) {

    public int roomsOrDefault() {
        return rooms == null ? 1 : rooms;
    }
}
