package org.hotelmesh.payment.domain;

/** What a Refund answers: the refund as it stands, and the booking's charge (null if it has none) as it stands. */
public record RefundResult(Payment bookingCharge, Refund refund) {
}
