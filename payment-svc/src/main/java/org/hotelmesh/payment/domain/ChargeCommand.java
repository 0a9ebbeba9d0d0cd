package org.hotelmesh.payment.domain;

public record ChargeCommand(String reservationId, long amountMinor, String currency, String paymentToken) {
}
