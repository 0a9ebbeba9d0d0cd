package org.hotelmesh.reservation.domain;

public final class NotFound extends ReservationException {

    public NotFound(String message) {
        super(message);
    }

    public static NotFound reservation(String reservationId) {
        return new NotFound("reservation " + reservationId + " not found");
    }
}
