package org.hotelmesh.reservation.domain;

import java.util.Locale;

/** Whether money is owed back to the guest and where its refund stands. */
public enum RefundState {
    NONE,
    /** Owed and asked of payment-svc; the recovery job asks again until it answers. */
    REQUESTED,
    REFUNDED,
    /** payment-svc refused the refund; logged, and left for staff. */
    FAILED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RefundState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
