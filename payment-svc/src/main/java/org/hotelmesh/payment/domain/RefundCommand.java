package org.hotelmesh.payment.domain;

/** A refund as asked: {@code refundId} "" is the refund that ends the reservation, any other a further refund. */
public record RefundCommand(String reservationId, String refundId, long amountMinor, String currency, String reason) {
}
