package org.hotelmesh.payment.domain;

/**
 * The share of a refund taken from one charge: one refund at the processor, asked with {@code partId} as its
 * idempotency key; {@code done} once the processor confirmed the money went back.
 */
public record RefundPart(String partId, String reservationId, String refundId, String paymentId, long amountMinor,
                         boolean done) {
}
