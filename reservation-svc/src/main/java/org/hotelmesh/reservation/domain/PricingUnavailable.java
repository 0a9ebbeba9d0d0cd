package org.hotelmesh.reservation.domain;

/** rate-svc did not answer in time or is down: a booking is never made at a guessed price (maps to UNAVAILABLE). */
public non-sealed class PricingUnavailable extends ReservationException {

    public PricingUnavailable(String message) {
        super(message);
    }
}
