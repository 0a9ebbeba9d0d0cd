package org.hotelmesh.reservation.domain;

/** hotel-svc did not answer in time or is down (maps to UNAVAILABLE). */
public final class CatalogUnavailable extends ReservationException {

    public CatalogUnavailable(String message) {
        super(message);
    }
}
