package org.hotelmesh.reservation.domain;

import java.util.Locale;

public enum ReservationStatus {
    PENDING, PAID, REJECTED, CANCELED, REFUNDED, CHECKED_IN, CHECKED_OUT, NO_SHOW;

    /** The value stored in the database. */
    public String db() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReservationStatus fromDb(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    /**
     * Pending, paid and checked-in reservations hold every night of their stay; those that ended after they began
     * (refunded early, checked out, no-show) keep only their nights before {@code nights_released_from}.
     */
    public boolean holdsInventory() {
        return this == PENDING || this == PAID || this == CHECKED_IN;
    }
}
