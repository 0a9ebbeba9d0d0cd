package org.hotelmesh.reservation.domain;

/** A payment as payment-svc reports it; amounts in minor units of {@code currency}. */
public record PaymentView(String paymentId, Status status, String declineCode, long amountMinor, String currency,
        long refundedMinor) {

    public enum Status {
        PROCESSING, CAPTURED, DECLINED, FAILED, REFUNDED, PARTIALLY_REFUNDED;

        /** Money was taken (and may since have been refunded, in part or in full). */
        public boolean captured() {
            return this == CAPTURED || this == REFUNDED || this == PARTIALLY_REFUNDED;
        }
    }
}
