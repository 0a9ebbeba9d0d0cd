package org.hotelmesh.edge.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

/**
 * The body of POST /v1/reservations/{id}/changes. {@code changeID} is the idempotency key. What is left out stays as
 * it is: new dates (startDate and endDate, both or neither), another room type, another room count.
 * {@code paymentToken} is required when the new stay costs more; {@code quoteID} prices the new stay by a quote.
 */
public record StayChangeInput(
        @NotNull(message = "is required: an idempotency key, e.g. a fresh UUID")
        @Pattern(regexp = ReservationInput.ID_PATTERN, message = ReservationInput.ID_RULE) String changeID,
        @Positive(message = "must be a positive id") Long roomTypeID,
        String startDate,
        String endDate,
        @Min(value = 1, message = "must be between 1 and 9") @Max(value = 9, message = "must be between 1 and 9")
        Integer rooms,
        @Pattern(regexp = ReservationInput.TOKEN_PATTERN, message = ReservationInput.TOKEN_RULE) String paymentToken,
        @Pattern(regexp = ReservationInput.QUOTE_ID_PATTERN, message = ReservationInput.QUOTE_ID_RULE) String quoteID) {
}
