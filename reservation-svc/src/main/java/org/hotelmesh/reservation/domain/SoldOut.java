package org.hotelmesh.reservation.domain;

import java.time.LocalDate;

import org.hotelmesh.support.error.PreconditionFailed;

/** No room left on a night of the stay (maps to FAILED_PRECONDITION); never retried. */
public final class SoldOut extends PreconditionFailed {

    private final LocalDate firstFullNight;

    public SoldOut(LocalDate firstFullNight) {
        super("sold out: no room of this type is left on the night of " + firstFullNight);
        this.firstFullNight = firstFullNight;
    }

    public LocalDate firstFullNight() {
        return firstFullNight;
    }
}
