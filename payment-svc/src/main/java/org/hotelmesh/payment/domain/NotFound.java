package org.hotelmesh.payment.domain;

/** No payment for the reservation (maps to NOT_FOUND). */
public final class NotFound extends PaymentException {

    public NotFound(String reservationId) {
        super("reservation " + reservationId + " has no payment");
    }
}
