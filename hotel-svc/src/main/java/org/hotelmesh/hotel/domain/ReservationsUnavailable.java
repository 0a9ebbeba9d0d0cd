package org.hotelmesh.hotel.domain;

/** reservation-svc could not be reached or did not answer in time (maps to UNAVAILABLE). */
public final class ReservationsUnavailable extends CatalogException {

    public ReservationsUnavailable(String message) {
        super(message);
    }
}
