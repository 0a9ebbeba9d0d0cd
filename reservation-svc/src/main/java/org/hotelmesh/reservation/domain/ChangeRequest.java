package org.hotelmesh.reservation.domain;

import java.time.LocalDate;

/**
 * A change of stay as asked: each of {@code roomTypeId} (0), {@code startDate}/{@code endDate} (null) and
 * {@code rooms} (0) may be left as it is. {@link #requestHash()} is the change's idempotency fingerprint; the payment
 * token is not part of it.
 */
public record ChangeRequest(String reservationId, String changeId, long roomTypeId, LocalDate startDate,
        LocalDate endDate, int rooms, String paymentToken, String quoteId) {

    /** The stay after this change, from the stay as it is. */
    public StayTerms applyTo(StayTerms now, long newTotalMinor) {
        return new StayTerms(roomTypeId == 0 ? now.roomTypeId() : roomTypeId,
                startDate == null ? now.startDate() : startDate, endDate == null ? now.endDate() : endDate,
                rooms == 0 ? now.rooms() : rooms, newTotalMinor);
    }

    public String requestHash() {
        String canonical = String.join("\n", changeId, reservationId, Long.toString(roomTypeId),
                String.valueOf(startDate), String.valueOf(endDate), Integer.toString(rooms),
                quoteId == null ? "" : quoteId);
        return Fingerprint.of(canonical);
    }
}
