package org.hotelmesh.reservation.domain;

import java.util.Locale;

public enum ReservationStatus {
    PENDING, PAID, REJECTED, CANCELED, REFUNDED;

    /** The value stored in the database. */
    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReservationStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /** Pending and paid reservations hold inventory. */
    public boolean holdsInventory() {
        return this == PENDING || this == PAID;
    }
}
