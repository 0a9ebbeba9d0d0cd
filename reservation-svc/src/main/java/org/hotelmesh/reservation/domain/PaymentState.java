package org.hotelmesh.reservation.domain;

import java.util.Locale;

/** Where a reservation's payment stands, as far as this service knows (payment-svc holds the payment itself). */
public enum PaymentState {
    /** No charge was asked: a reservation made before payments existed, or a charge that never reached payment-svc. */
    NONE,
    /** The charge was asked (or is about to be); its outcome is not known here yet. */
    CHARGING,
    CAPTURED,
    DECLINED,
    /** The processor could not complete the charge, or refused the token. Nothing was captured. */
    FAILED;

    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentState fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
