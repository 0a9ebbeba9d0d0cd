package org.hotelmesh.reservation.domain;

/**
 * payment-svc did not answer (down, or slower than the deadline): the outcome of the call is unknown, so the saga
 * leaves its progress as it is for the recovery job (maps to UNAVAILABLE if it ever reaches a caller).
 */
public non-sealed class PaymentsUnavailable extends ReservationException {

    public PaymentsUnavailable(String message) {
        super(message);
    }
}
