package org.hotelmesh.payment.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.hotelmesh.payment.gateway.StripeFake;
import org.hotelmesh.payment.gateway.StripeFake.Next;
import org.hotelmesh.payment.gateway.StripeFakeResource;
import org.hotelmesh.payment.service.Payments;
import org.hotelmesh.proto.payment.v1.Payment;
import org.hotelmesh.proto.payment.v1.PaymentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * payment-svc on Stripe's API (a local fake of it, {@link StripeFake}): approvals, each kind of decline, the answers
 * that leave a payment PROCESSING (5xx, lost, slow, in progress) and how the retry or the resume job finishes them
 * without charging twice, refunds confirmed or not.
 */
@QuarkusTest
@WithTestResource(StripeFakeResource.class)
class StripeGatewayTest extends PaymentTestBase {

    @Inject
    Payments service;

    @Inject
    MeterRegistry registry;

    private static StripeFake stripe() {
        return StripeFakeResource.fake;
    }

    @ParameterizedTest
    @CsvSource({"pm_card_visa, visa", "pm_card_mastercard, mastercard", "tok_visa, visa"})
    void anApprovingCardIsCapturedOnceAndItsTokenIsNotKept(String token, String brand) {
        String id = newReservationId();

        Payment payment = payments.charge(charge(id, AMOUNT, token)).getPayment();

        assertEquals(PaymentStatus.CAPTURED, payment.getStatus());
        assertEquals(brand, payment.getPaymentMethod());
        assertEquals(AMOUNT, stripe().captured().get(payment.getPaymentId()));
        assertEquals(1, stripe().executions(payment.getPaymentId()));
        assertNull(column("payment_token", id), "a settled payment keeps no token");
        // a retry (same token, same amount) is known by the token's fingerprint and answers the same payment
        assertEquals(payment, payments.charge(charge(id, AMOUNT, token)).getPayment());
        assertEquals(1, stripe().requests(payment.getPaymentId()), "a settled charge is not asked again");
    }

    @ParameterizedTest
    @CsvSource({"pm_card_chargeDeclined, generic_decline", "pm_card_chargeDeclinedInsufficientFunds, insufficient_funds",
            "pm_card_chargeDeclinedLostCard, lost_card", "pm_card_chargeDeclinedExpiredCard, expired_card",
            "pm_card_chargeDeclinedIncorrectCvc, incorrect_cvc", "pm_card_authenticationRequired, authentication_required",
            "pm_card_doesNotExist, invalid_payment_method"})
    void aDeclineCarriesStripesCodeAndCapturesNothing(String token, String code) {
        String id = newReservationId();

        Payment payment = payments.charge(charge(id, AMOUNT, token)).getPayment();

        assertEquals(PaymentStatus.DECLINED, payment.getStatus());
        assertEquals(code, payment.getDeclineCode());
        assertFalse(stripe().captured().containsKey(payment.getPaymentId()));
        assertNull(column("payment_token", id));
    }

    @Test
    void aProcessingErrorFailsTheCharge() {
        String id = newReservationId();

        Payment payment = payments.charge(charge(id, AMOUNT, "pm_card_chargeDeclinedProcessingError")).getPayment();

        assertEquals(PaymentStatus.FAILED, payment.getStatus());
        assertFalse(stripe().captured().containsKey(payment.getPaymentId()));
    }

    @Test
    void aServerErrorLeavesTheChargeProcessingAndTheRetryCapturesIt() {
        String id = newReservationId();
        stripe().next(Next.SERVER_ERROR);

        Payment first = payments.charge(charge(id, AMOUNT, "pm_card_visa")).getPayment();
        assertEquals(PaymentStatus.PROCESSING, first.getStatus());
        assertEquals("pm_card_visa", column("payment_token", id), "kept while processing, for the resume job");

        Payment retried = payments.charge(charge(id, AMOUNT, "pm_card_visa")).getPayment();

        assertEquals(PaymentStatus.CAPTURED, retried.getStatus());
        assertEquals(1, stripe().executions(first.getPaymentId()));
        assertEquals(2, stripe().requests(first.getPaymentId()));
    }

    @Test
    void aLostAnswerIsAskedAgainWithTheSameKeyAndChargesOnce() {
        String id = newReservationId();
        stripe().next(Next.LOSE_ANSWER);

        Payment first = payments.charge(charge(id, AMOUNT, "pm_card_visa")).getPayment();
        assertEquals(PaymentStatus.PROCESSING, first.getStatus());
        assertEquals(1, stripe().executions(first.getPaymentId()), "Stripe did the work; only the answer was lost");

        Payment retried = payments.charge(charge(id, AMOUNT, "pm_card_visa")).getPayment();

        assertEquals(PaymentStatus.CAPTURED, retried.getStatus());
        assertEquals(2, stripe().requests(first.getPaymentId()));
        assertEquals(1, stripe().executions(first.getPaymentId()), "the retry was a replay: charged once");
        assertEquals(AMOUNT, stripe().captured().get(first.getPaymentId()));
    }

    @Test
    void aSlowAnswerPastTheTimeoutIsFinishedByTheResumeJob() {
        String id = newReservationId();
        stripe().next(Next.SLOW);

        Payment first = payments.charge(charge(id, AMOUNT, "pm_card_visa")).getPayment();
        assertEquals(PaymentStatus.PROCESSING, first.getStatus(), "the timeout (1 s) is shorter than Stripe (2.5 s)");

        leftAnHourAgo("payment", id);
        service.resumeStuck().await().indefinitely();

        assertEquals(PaymentStatus.CAPTURED, paymentOf(id).getStatus());
        assertEquals(1, stripe().executions(first.getPaymentId()));
        assertNull(column("payment_token", id));
    }

    @Test
    void aChargeStillProcessingAtStripeIsLookedUpUntilItSucceeds() {
        String id = newReservationId();
        stripe().next(Next.UNFINISHED);

        Payment first = payments.charge(charge(id, AMOUNT, "pm_card_visa")).getPayment();
        assertEquals(PaymentStatus.PROCESSING, first.getStatus());
        leftAnHourAgo("payment", id);
        service.resumeStuck().await().indefinitely();
        assertEquals(PaymentStatus.PROCESSING, paymentOf(id).getStatus(), "the replay still says processing");

        stripe().settle();
        service.resumeStuck().await().indefinitely();

        assertEquals(PaymentStatus.CAPTURED, paymentOf(id).getStatus());
        assertEquals(1, stripe().executions(first.getPaymentId()));
    }

    @Test
    void fullAndPartialRefundsGoBackByThePaymentIntent() {
        String full = newReservationId();
        String partial = newReservationId();
        payments.charge(charge(full, AMOUNT, "pm_card_visa"));
        payments.charge(charge(partial, AMOUNT, "pm_card_visa"));

        Payment refunded = payments.refund(refund(full, AMOUNT, "canceled")).getPayment();
        Payment partly = payments.refund(refund(partial, 10_000, "canceled")).getPayment();

        assertEquals(PaymentStatus.REFUNDED, refunded.getStatus());
        assertEquals(AMOUNT, refunded.getRefunded().getAmountMinor());
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, partly.getStatus());
        assertEquals(10_000, partly.getRefunded().getAmountMinor());
        assertEquals(AMOUNT, stripe().refunded().get(refundId(full)));
        assertEquals(10_000L, stripe().refunded().get(refundId(partial)));
        // asked again: a replay, nothing moves
        assertEquals(partly, payments.refund(refund(partial, 10_000, "canceled")).getPayment());
        assertEquals(1, stripe().executions(refundId(partial)));
    }

    @Test
    void aPendingRefundIsNotRefundedUntilStripeConfirmsItAndMeanwhileCountsAsStuck() {
        String id = newReservationId();
        payments.charge(charge(id, AMOUNT, "pm_card_visa"));
        stripe().next(Next.UNFINISHED);

        Payment asked = payments.refund(refund(id, AMOUNT, "canceled")).getPayment();

        assertEquals(PaymentStatus.CAPTURED, asked.getStatus(), "pending at Stripe is not refunded");
        assertEquals(0, asked.getRefunded().getAmountMinor());
        assertFalse(asked.getRefundRequestedAt().isEmpty());
        leftAnHourAgo("refund_part", id);
        service.resumeStuck().await().indefinitely();
        long stuck = service.countStuckRefunds().await().indefinitely();
        assertTrue(stuck >= 1, "this refund is older than refund-stuck-after (1 h)");
        assertEquals(stuck, stuckRefundsInTheDatabase());
        assertEquals((double) stuck, registry.get("hotelmesh.refunds.stuck").gauge().value());
        assertEquals(PaymentStatus.CAPTURED, paymentOf(id).getStatus());

        stripe().settle();
        service.resumeStuck().await().indefinitely();

        Payment confirmed = paymentOf(id);
        assertEquals(PaymentStatus.REFUNDED, confirmed.getStatus());
        assertEquals(AMOUNT, confirmed.getRefunded().getAmountMinor());
        assertTrue(confirmed.getRefundRequestedAt().isEmpty());
        assertEquals(1, stripe().executions(refundId(id)));
        assertEquals(stuck - 1, service.countStuckRefunds().await().indefinitely());
    }

    @Test
    void aRefundAcrossTwoChargesIsOneStripeRefundOnEachPaymentIntent() {
        String id = newReservationId();
        Payment booking = payments.charge(charge(id, AMOUNT, "pm_card_visa")).getPayment();
        Payment change = payments.charge(charge(id, "change-1", 12_000, "pm_card_mastercard")).getPayment();
        assertEquals(PaymentStatus.CAPTURED, change.getStatus());
        assertEquals(12_000L, stripe().captured().get(change.getPaymentId()));

        var outcome = payments.refund(refund(id, 20_000, "canceled")).getRefund();

        assertEquals(20_000, outcome.getConfirmed().getAmountMinor());
        assertTrue(outcome.getDone());
        List<String> parts = partIds(id, "");
        assertEquals(2, parts.size());
        // the newest charge (the change's) in full, the rest from the booking's
        assertEquals(8_000L, stripe().refunded().get(parts.get(0)));
        assertEquals(12_000L, stripe().refunded().get(parts.get(1)));
        assertEquals(12_000, paymentOf(id, "change-1").getRefunded().getAmountMinor());
        assertEquals(PaymentStatus.REFUNDED, paymentOf(id, "change-1").getStatus());
        assertEquals(8_000, paymentOf(id).getRefunded().getAmountMinor());
        assertEquals(booking.getPaymentId(), paymentOf(id).getPaymentId());

        // a second refund of the booking's charge is a second Stripe refund on its PaymentIntent
        var second = payments.refund(refund(id, "change-2", AMOUNT - 8_000, "shorter stay")).getRefund();

        assertTrue(second.getDone());
        String last = partIds(id, "change-2").get(0);
        assertEquals(AMOUNT - 8_000, stripe().refunded().get(last));
        assertEquals(PaymentStatus.REFUNDED, paymentOf(id).getStatus());
        assertEquals(AMOUNT, paymentOf(id).getRefunded().getAmountMinor());
        // asked again: answered as it stands, no request reaches Stripe
        assertEquals(second, payments.refund(refund(id, "change-2", AMOUNT - 8_000, "shorter stay")).getRefund());
        for (String part : List.of(parts.get(0), parts.get(1), last)) {
            assertEquals(1, stripe().requests(part), part);
            assertEquals(1, stripe().executions(part), part);
        }
    }

    @Test
    void aRefundWithOnePartPendingAtStripeIsNotDoneAndCountsAsOneStuckRefund() {
        String id = newReservationId();
        payments.charge(charge(id, AMOUNT, "pm_card_visa"));
        payments.charge(charge(id, "change-1", 12_000, "pm_card_visa"));
        long stuckBefore = service.countStuckRefunds().await().indefinitely();
        stripe().next(Next.UNFINISHED);
        stripe().next(Next.UNFINISHED);

        var asked = payments.refund(refund(id, 20_000, "canceled")).getRefund();

        assertEquals(0, asked.getConfirmed().getAmountMinor());
        assertFalse(asked.getDone());
        assertEquals(PaymentStatus.CAPTURED, paymentOf(id, "change-1").getStatus(), "pending is not refunded");
        assertFalse(paymentOf(id, "change-1").getRefundRequestedAt().isEmpty());
        leftAnHourAgo("refund_part", id);
        assertEquals(stuckBefore + 1, service.countStuckRefunds().await().indefinitely(),
                "one refund, however many of its parts are pending");
        assertEquals(stuckBefore + 1, stuckRefundsInTheDatabase());

        stripe().settle();
        service.resumeStuck().await().indefinitely();

        var confirmed = payments.refund(refund(id, 20_000, "canceled")).getRefund();
        assertEquals(20_000, confirmed.getConfirmed().getAmountMinor());
        assertTrue(confirmed.getDone());
        assertEquals(PaymentStatus.REFUNDED, paymentOf(id, "change-1").getStatus());
        assertTrue(paymentOf(id, "change-1").getRefundRequestedAt().isEmpty());
        assertEquals(8_000, paymentOf(id).getRefunded().getAmountMinor());
        assertEquals(stuckRefundsInTheDatabase(), service.countStuckRefunds().await().indefinitely());
        assertEquals(0, pool.preparedQuery("SELECT count(*) FROM refund_part WHERE reservation_id = $1"
                + " AND status = 'processing'").execute(Tuple.of(id)).await().indefinitely().iterator().next()
                .getLong(0));
        partIds(id, "").forEach(part -> assertEquals(1, stripe().executions(part), part));
    }

    private String column(String column, String reservationId) {
        return pool.preparedQuery("SELECT " + column + " FROM payment WHERE reservation_id = $1")
                .execute(Tuple.of(reservationId)).await().indefinitely().iterator().next().getString(0);
    }

    /**
     * The state an operation the processor has not finished leaves after an hour: old enough for the resume job
     * (resume-after, 1 minute) and, for a refund, to count as stuck (refund-stuck-after, 1 hour).
     */
    private void leftAnHourAgo(String table, String reservationId) {
        pool.preparedQuery("UPDATE " + table + " SET created_at = now() - interval '61 minutes',"
                        + " updated_at = now() - interval '61 minutes' WHERE reservation_id = $1")
                .execute(Tuple.of(reservationId)).await().indefinitely();
    }

    /** The processor's key of the reservation's one refund part (its refund of the booking's charge). */
    private String refundId(String reservationId) {
        return pool.preparedQuery("SELECT part_id FROM refund_part WHERE reservation_id = $1")
                .execute(Tuple.of(reservationId)).await().indefinitely().iterator().next().getString(0);
    }

    /** Refunds with a part unconfirmed for over an hour: each refund once, however many of its parts are. */
    private long stuckRefundsInTheDatabase() {
        return pool.query("SELECT count(DISTINCT (reservation_id, refund_id)) FROM refund_part"
                + " WHERE status = 'processing' AND created_at < now() - interval '1 hour'").execute().await()
                .indefinitely().iterator().next().getLong(0);
    }
}
