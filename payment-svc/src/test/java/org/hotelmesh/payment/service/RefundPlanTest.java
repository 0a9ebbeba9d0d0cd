package org.hotelmesh.payment.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.hotelmesh.payment.domain.Payment;
import org.hotelmesh.payment.domain.PaymentState;
import org.hotelmesh.payment.domain.RefundCommand;
import org.hotelmesh.support.error.PreconditionFailed;
import org.junit.jupiter.api.Test;

/** How a refund is split over a reservation's charges: newest first, never beyond what is left of them. */
class RefundPlanTest {

    private static Payment charge(String paymentId, String chargeId, long amount, PaymentState state) {
        return charge(paymentId, chargeId, amount, "EUR", state);
    }

    private static Payment charge(String paymentId, String chargeId, long amount, String currency,
                                  PaymentState state) {
        return new Payment(paymentId, "r1", chargeId, amount, currency, null, "f", state,
                state == PaymentState.DECLINED ? "card_declined" : null, null, "ch_" + paymentId, 0, null, null,
                Instant.EPOCH);
    }

    private static RefundCommand refund(long amount) {
        return new RefundCommand("r1", "", amount, "EUR", "canceled");
    }

    private static List<String> split(List<Payment> newestFirst, Map<String, Long> taken, long amount) {
        return RefundPlan.split(newestFirst, taken, refund(amount)).stream()
                .map(share -> share.charge().paymentId() + ":" + share.amountMinor()).toList();
    }

    @Test
    void theNewestChargeGivesFirstAndTheOlderTheRest() {
        List<Payment> charges = List.of(charge("pay_c", "c2", 5_000, PaymentState.CAPTURED),
                charge("pay_b", "c1", 12_000, PaymentState.CAPTURED), charge("pay_a", "", 36_000, PaymentState.CAPTURED));

        assertEquals(List.of("pay_c:5000"), split(charges, Map.of(), 5_000));
        assertEquals(List.of("pay_c:5000", "pay_b:12000", "pay_a:3000"), split(charges, Map.of(), 20_000));
    }

    @Test
    void whatEarlierRefundsTookIsNotTakenAgain() {
        List<Payment> charges = List.of(charge("pay_b", "c1", 12_000, PaymentState.REFUNDED),
                charge("pay_a", "", 36_000, PaymentState.PARTIALLY_REFUNDED));

        assertEquals(List.of("pay_a:10000"), split(charges, Map.of("pay_b", 12_000L, "pay_a", 26_000L), 10_000));
        assertEquals(List.of("pay_b:2000", "pay_a:1000"),
                split(charges, Map.of("pay_b", 10_000L, "pay_a", 35_000L), 3_000));
    }

    @Test
    void chargesNotCapturedOrInAnotherCurrencyGiveNothing() {
        List<Payment> charges = List.of(charge("pay_d", "c3", 9_000, PaymentState.PROCESSING),
                charge("pay_c", "c2", 9_000, PaymentState.DECLINED),
                charge("pay_b", "c1", 9_000, "USD", PaymentState.CAPTURED),
                charge("pay_a", "", 36_000, PaymentState.CAPTURED));

        assertEquals(List.of("pay_a:20000"), split(charges, Map.of(), 20_000));
    }

    @Test
    void moreThanIsLeftIsRefusedNamingTheAmounts() {
        List<Payment> charges = List.of(charge("pay_b", "c1", 12_000, PaymentState.CAPTURED),
                charge("pay_a", "", 36_000, PaymentState.CAPTURED));

        assertEquals("reservation r1 was charged EUR 48000 (minor units); a refund cannot be more",
                assertThrows(PreconditionFailed.class, () -> split(charges, Map.of(), 48_001)).getMessage());
        assertEquals("reservation r1 was charged EUR 48000 (minor units), of which EUR 40000 is refunded or being"
                + " refunded; a refund cannot be more than the EUR 8000 left", assertThrows(PreconditionFailed.class,
                        () -> split(charges, Map.of("pay_b", 12_000L, "pay_a", 28_000L), 8_001)).getMessage());
    }

    @Test
    void nothingCapturedSaysWhy() {
        assertEquals("the charge of reservation r1 is still processing; refund it once it is captured",
                assertThrows(PreconditionFailed.class, () -> split(List.of(
                        charge("pay_a", "", 36_000, PaymentState.PROCESSING)), Map.of(), 1)).getMessage());
        assertEquals("the charge of reservation r1 was failed: nothing was captured, so there is nothing to refund",
                assertThrows(PreconditionFailed.class, () -> split(List.of(
                        charge("pay_a", "", 36_000, PaymentState.FAILED)), Map.of(), 1)).getMessage());
        assertEquals("reservation r1 was charged in USD; a refund is in the charge's currency",
                assertThrows(PreconditionFailed.class, () -> split(List.of(
                        charge("pay_a", "", 36_000, "USD", PaymentState.CAPTURED)), Map.of(), 1)).getMessage());
    }
}
