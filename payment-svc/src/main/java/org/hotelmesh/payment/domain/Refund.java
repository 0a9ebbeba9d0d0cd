package org.hotelmesh.payment.domain;

/**
 * A refund of a reservation as asked, across the charges it was taken from (its parts): {@code confirmedMinor} is
 * what the processor confirmed so far, {@code done} once it confirmed every part.
 */
public record Refund(String reservationId, String refundId, long amountMinor, String currency, String reason,
                     long confirmedMinor, boolean done) {
}
