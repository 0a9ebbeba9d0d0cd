package org.hotelmesh.payment.domain;

public record RefundCommand(String reservationId, long amountMinor, String currency, String reason) {
}
