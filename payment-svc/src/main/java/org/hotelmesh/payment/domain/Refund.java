package org.hotelmesh.payment.domain;

import java.time.Instant;

/** The one refund of a reservation's payment; {@code done} once the processor confirmed the money went back. */
public record Refund(String refundId, String reservationId, long amountMinor, String reason, boolean done,
                     Instant requestedAt) {
}
