package org.hotelmesh.payment.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.hotelmesh.payment.service.Payments;
import org.hotelmesh.proto.payment.v1.Payment;
import org.hotelmesh.proto.payment.v1.PaymentStatus;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Tuple;

/** A crash between writing an operation's row and recording the gateway's answer is finished by the resume job. */
@QuarkusTest
class ResumeTest extends PaymentTestBase {

    @Inject
    Payments service;

    /** The state a crash leaves: the row PROCESSING since long ago, the gateway maybe asked, maybe not. */
    private void leftProcessingByACrash(String reservationId, String token) {
        leftProcessingByACrash(reservationId, "", "pay_crash_" + reservationId, token);
    }

    private void leftProcessingByACrash(String reservationId, String chargeId, String paymentId, String token) {
        pool.preparedQuery("INSERT INTO payment (payment_id, reservation_id, charge_id, amount_minor, currency,"
                        + " payment_token, token_fingerprint, status, updated_at) VALUES ($1, $2, $3, $4, 'EUR', $5,"
                        + " encode(sha256(convert_to($5, 'UTF8')), 'hex'), 'processing', now() - interval '1 hour')")
                .execute(Tuple.of(paymentId, reservationId, chargeId, AMOUNT, token))
                .await().indefinitely();
    }

    /**
     * The state a crash leaves after recording a refund, before the processor was asked: each part (an id and the
     * charge id it is taken from, in pairs) PROCESSING since long ago.
     */
    private void leftRefundingByACrash(String reservationId, String refundId, long amount, String... parts) {
        pool.preparedQuery("INSERT INTO refund (reservation_id, refund_id, amount_minor, currency, reason)"
                        + " VALUES ($1, $2, $3, 'EUR', 'canceled')")
                .execute(Tuple.of(reservationId, refundId, amount)).await().indefinitely();
        for (int i = 0; i < parts.length; i += 2) {
            pool.preparedQuery("INSERT INTO refund_part (part_id, reservation_id, refund_id, payment_id,"
                            + " amount_minor, status, updated_at) SELECT $1, $2, $3, payment_id, $4, 'processing',"
                            + " now() - interval '1 hour' FROM payment WHERE reservation_id = $2 AND charge_id = $5")
                    .execute(Tuple.from(new Object[] {parts[i], reservationId, refundId, amount / (parts.length / 2),
                            parts[i + 1]}))
                    .await().indefinitely();
        }
    }

    @Test
    void aChargeLeftProcessingIsCapturedOnceByTheResumeJob() {
        String id = newReservationId();
        leftProcessingByACrash(id, "tok_visa");
        assertEquals(PaymentStatus.PROCESSING, paymentOf(id).getStatus());

        service.resumeStuck().await().indefinitely();

        Payment payment = paymentOf(id);
        assertEquals(PaymentStatus.CAPTURED, payment.getStatus());
        assertEquals(AMOUNT, gateway.captured().get("pay_crash_" + id));
        // A second pass finds nothing left to do and moves nothing.
        service.resumeStuck().await().indefinitely();
        assertEquals(payment, paymentOf(id));
    }

    @Test
    void aDeclinedChargeLeftProcessingEndsDeclined() {
        String id = newReservationId();
        leftProcessingByACrash(id, "tok_chargeDeclinedExpiredCard");

        service.resumeStuck().await().indefinitely();

        assertEquals(PaymentStatus.DECLINED, paymentOf(id).getStatus());
        assertEquals("expired_card", paymentOf(id).getDeclineCode());
    }

    @Test
    void aRetryOfTheCrashedChargeFinishesItToo() {
        String id = newReservationId();
        leftProcessingByACrash(id, "tok_visa");

        Payment payment = payments.charge(charge(id, AMOUNT, "tok_visa")).getPayment();

        assertEquals("pay_crash_" + id, payment.getPaymentId());
        assertEquals(PaymentStatus.CAPTURED, payment.getStatus());
        assertEquals(1, rows("payment", id));
    }

    @Test
    void aRefundLeftProcessingIsRefundedOnce() {
        String id = newReservationId();
        payments.charge(charge(id, AMOUNT, "tok_visa"));
        leftRefundingByACrash(id, "", 10_000, "re_crash_" + id, "");

        service.resumeStuck().await().indefinitely();
        service.resumeStuck().await().indefinitely();

        Payment payment = paymentOf(id);
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payment.getStatus());
        assertEquals(10_000, payment.getRefunded().getAmountMinor());
        assertEquals(10_000L, gateway.refunded().get("re_crash_" + id));
    }

    @Test
    void aFurtherChargeLeftProcessingIsCapturedOnceByTheResumeJob() {
        String id = newReservationId();
        payments.charge(charge(id, AMOUNT, "tok_visa"));
        leftProcessingByACrash(id, "change-1", "pay_crash_change_" + id, "tok_mastercard");
        assertEquals(PaymentStatus.PROCESSING, paymentOf(id, "change-1").getStatus());

        service.resumeStuck().await().indefinitely();
        service.resumeStuck().await().indefinitely();

        Payment further = paymentOf(id, "change-1");
        assertEquals(PaymentStatus.CAPTURED, further.getStatus());
        assertEquals("change-1", further.getChargeId());
        assertEquals("mastercard", further.getPaymentMethod());
        assertEquals(AMOUNT, gateway.captured().get("pay_crash_change_" + id));
        // a retry of the change's charge answers it, and the booking's charge is its own
        assertEquals(further, payments.charge(charge(id, "change-1", AMOUNT, "tok_mastercard")).getPayment());
        assertEquals(PaymentStatus.CAPTURED, paymentOf(id).getStatus());
        assertEquals(2, rows("payment", id));
    }

    @Test
    void theRefundPartsLeftProcessingOnSeveralChargesAreEachRefundedOnce() {
        String id = newReservationId();
        payments.charge(charge(id, AMOUNT, "tok_visa"));
        payments.charge(charge(id, "change-1", AMOUNT, "tok_visa"));
        leftRefundingByACrash(id, "change-2", 2 * 10_000, "re_crash_a_" + id, "change-1", "re_crash_b_" + id, "");

        service.resumeStuck().await().indefinitely();
        service.resumeStuck().await().indefinitely();

        assertEquals(10_000, paymentOf(id, "change-1").getRefunded().getAmountMinor());
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, paymentOf(id, "change-1").getStatus());
        assertEquals(10_000, paymentOf(id).getRefunded().getAmountMinor());
        assertEquals(1, gateway.refundRequests("re_crash_a_" + id));
        assertEquals(1, gateway.refundRequests("re_crash_b_" + id));
        // asked again, the refund answers where it stands: done, and the processor is not asked again
        var outcome = payments.refund(refund(id, "change-2", 20_000, "canceled")).getRefund();
        assertEquals(20_000, outcome.getConfirmed().getAmountMinor());
        assertTrue(outcome.getDone());
        assertEquals(1, gateway.refundRequests("re_crash_a_" + id));
    }
}
