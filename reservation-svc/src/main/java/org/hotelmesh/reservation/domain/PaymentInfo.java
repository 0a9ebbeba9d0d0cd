package org.hotelmesh.reservation.domain;

import java.time.Instant;

/**
 * The saga's progress on a reservation. {@code refundMinor} is set once a refund is owed, {@code feeMinor} once a paid
 * reservation was canceled (amounts in the reservation's currency); {@code holdExpiresAt} is null for reservations made
 * before holds expired.
 */
public record PaymentInfo(PaymentState state, String declineCode, String paymentId, RefundState refundState,
        Long refundMinor, Long feeMinor, Instant holdExpiresAt) {

    public static final PaymentInfo NONE = new PaymentInfo(PaymentState.NONE, null, null, RefundState.NONE, null,
            null, null);
}
