package org.hotelmesh.reservation.domain;

/** The request is valid but the current state forbids it (maps to FAILED_PRECONDITION). */
public final class PreconditionFailed extends ReservationException {

    public PreconditionFailed(String message) {
        super(message);
    }
}
