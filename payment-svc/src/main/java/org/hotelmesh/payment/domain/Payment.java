package org.hotelmesh.payment.domain;

import java.time.Instant;

/**
 * A reservation's payment. {@code declineCode} is set when DECLINED, {@code paymentMethod} and
 * {@code gatewayReference} (the processor's id of the charge) once captured, {@code refundReason} once a refund was
 * asked for.
 */
public record Payment(String paymentId, String reservationId, long amountMinor, String currency, String paymentToken,
                      PaymentState state, String declineCode, String paymentMethod, String gatewayReference,
                      long refundedMinor, String refundReason, Instant createdAt) {
}
