package org.hotelmesh.payment.domain;

import java.util.Locale;

/** Where a payment stands; stored in lower case. */
public enum PaymentState {
    PROCESSING, CAPTURED, DECLINED, FAILED, REFUNDED, PARTIALLY_REFUNDED;

    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentState ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
