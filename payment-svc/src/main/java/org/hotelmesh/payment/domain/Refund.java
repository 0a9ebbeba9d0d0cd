package org.hotelmesh.payment.domain;

/** The one refund of a reservation's payment; {@code done} once the gateway has refunded it. */
public record Refund(String refundId, String reservationId, long amountMinor, String reason, boolean done) {
}
