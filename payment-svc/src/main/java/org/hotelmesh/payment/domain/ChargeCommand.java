package org.hotelmesh.payment.domain;

/** A charge as asked: {@code chargeId} "" is the booking's charge, any other a further charge of the reservation. */
public record ChargeCommand(String reservationId, String chargeId, long amountMinor, String currency,
                            String paymentToken) {
}
