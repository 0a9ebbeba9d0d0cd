package org.hotelmesh.edge.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * The body of POST /v1/reservations. Dates stay strings here so a bad one is reported by field name; ids are accepted
 * as JSON numbers or strings of digits. {@code reservationID} may come from the Idempotency-Key header instead.
 * {@code quoteID} (optional) books at the quoted price; the stay and the reservationID must then be the quote's.
 * {@code paymentToken} is the card processor's token the booking is charged to (tok_visa and friends when testing).
 * {@code guestName} and {@code guestID} are for staff of the hotel (or an administrator) booking for a guest, by phone
 * or at the desk: the name the stay is booked under (required then), and optionally the guest's account.
 */
public record ReservationInput(
        String startDate,
        String endDate,
        @NotNull(message = "is required") @Positive(message = "must be a positive id") Long hotelID,
        @NotNull(message = "is required") @Positive(message = "must be a positive id") Long roomTypeID,
        @Pattern(regexp = ReservationInput.ID_PATTERN, message = ReservationInput.ID_RULE) String reservationID,
        @Min(value = 1, message = "must be between 1 and 9") @Max(value = 9, message = "must be between 1 and 9") Integer rooms,
        @Pattern(regexp = ReservationInput.QUOTE_ID_PATTERN, message = ReservationInput.QUOTE_ID_RULE) String quoteID,
        @NotNull(message = "is required: the card token to charge (e.g. tok_visa when testing)")
        @Pattern(regexp = ReservationInput.TOKEN_PATTERN, message = ReservationInput.TOKEN_RULE) String paymentToken,
        @Pattern(regexp = ReservationInput.GUEST_NAME_PATTERN, flags = Pattern.Flag.DOTALL,
                message = ReservationInput.GUEST_NAME_RULE) String guestName,
        @Size(min = 1, max = 128, message = "must be 1 to 128 characters: the guest's account id") String guestID) {

    public static final String ID_PATTERN = "[A-Za-z0-9_-]{1,64}";
    public static final String ID_RULE = "must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -";
    public static final String QUOTE_ID_PATTERN = "[A-Za-z0-9_-]{1,128}";
    public static final String QUOTE_ID_RULE = "must be a quote id as POST /v1/quotes issued it";
    public static final String TOKEN_PATTERN = "[\\x21-\\x7e]{1,255}";
    public static final String TOKEN_RULE = "must be 1 to 255 printable characters without spaces";
    public static final String GUEST_NAME_PATTERN = "(?=.*\\S).{1,100}";
    public static final String GUEST_NAME_RULE = "must be 1 to 100 characters, not only spaces";

    public int roomsOrDefault() {
        return rooms == null ? 1 : rooms;
    }
}
