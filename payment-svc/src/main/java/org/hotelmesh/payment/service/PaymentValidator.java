package org.hotelmesh.payment.service;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.hotelmesh.payment.domain.ChargeCommand;
import org.hotelmesh.payment.domain.RefundCommand;
import org.hotelmesh.payment.gateway.PaymentGateway;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.ServiceException.Violation;

/** Checks what a caller sends, collecting every violation so it can be fixed in one round trip. */
final class PaymentValidator {

    /** The reservation id's syntax (the booking's idempotency key), and that of a further charge's or refund's id. */
    private static final Pattern RESERVATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern OPERATION_ID = RESERVATION_ID;
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    /** 1,000,000,000.00 in a two-decimal currency: far above any stay, far below overflow. */
    static final long MAX_AMOUNT_MINOR = 100_000_000_000L;
    static final int MAX_REASON = 200;

    private PaymentValidator() {
    }

    static void charge(ChargeCommand charge, PaymentGateway gateway) {
        List<Violation> v = new ArrayList<>();
        reservationId(v, charge.reservationId());
        operationId(v, "chargeID", charge.chargeId());
        money(v, charge.amountMinor(), charge.currency());
        if (charge.paymentToken() == null || charge.paymentToken().isEmpty()) {
            v.add(new Violation("paymentToken", "is required"));
        } else {
            gateway.rejectToken(charge.paymentToken()).ifPresent(reason -> v.add(new Violation("paymentToken",
                    reason)));
        }
        throwIfAny(v);
    }

    static void refund(RefundCommand refund) {
        List<Violation> v = new ArrayList<>();
        reservationId(v, refund.reservationId());
        operationId(v, "refundID", refund.refundId());
        money(v, refund.amountMinor(), refund.currency());
        if (refund.reason() != null && refund.reason().length() > MAX_REASON) {
            v.add(new Violation("reason", "must be at most " + MAX_REASON + " characters"));
        }
        throwIfAny(v);
    }

    static void payment(String reservationId, String chargeId) {
        List<Violation> v = new ArrayList<>();
        reservationId(v, reservationId);
        operationId(v, "chargeID", chargeId);
        throwIfAny(v);
    }

    private static void reservationId(List<Violation> v, String reservationId) {
        if (reservationId == null || !RESERVATION_ID.matcher(reservationId).matches()) {
            v.add(new Violation("reservationID", "must be 1 to 64 characters of A-Z, a-z, 0-9, _ and -"));
        }
    }

    /** A charge's or refund's id: empty (the booking's charge, the refund that ends the reservation) or an id. */
    private static void operationId(List<Violation> v, String field, String id) {
        if (id != null && !id.isEmpty() && !OPERATION_ID.matcher(id).matches()) {
            v.add(new Violation(field, "must be empty or 1 to 64 characters of A-Z, a-z, 0-9, _ and -"));
        }
    }

    private static void money(List<Violation> v, long amountMinor, String currency) {
        if (amountMinor < 1 || amountMinor > MAX_AMOUNT_MINOR) {
            v.add(new Violation("amount", "must be between 1 and " + MAX_AMOUNT_MINOR + " minor units"));
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            v.add(new Violation("currency", "must be an ISO-4217 currency code in upper case, e.g. EUR"));
        }
    }

    private static void throwIfAny(List<Violation> v) {
        if (!v.isEmpty()) {
            throw new InvalidInput(v);
        }
    }
}
