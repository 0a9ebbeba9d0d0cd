package org.hotelmesh.edge.api;

/**
 * Where a reservation's payment stands. {@code status}: none, charging (asked, outcome not known yet), captured,
 * declined or failed; {@code refundStatus}: none, requested (owed, being issued), refunded or failed. {@code refund}
 * and {@code fee} are set once a refund is owed or a paid reservation was canceled; {@code holdExpiresAt} is when a
 * still pending reservation is canceled. While a refund is requested, {@code refundRequestedAt} says since when, and
 * {@code refundOverdue} is true once the card processor has not confirmed it for longer than the set time (staff look).
 */
public record PaymentDto(
        String status,
        String declineCode,
        String paymentID,
        MoneyDto refund,
        MoneyDto fee,
        String refundStatus,
        String holdExpiresAt,
        String refundRequestedAt,
        Boolean refundOverdue) {
}
