package org.hotelmesh.payment.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        pool.preparedQuery("INSERT INTO payment (payment_id, reservation_id, amount_minor, currency, payment_token,"
                        + " token_fingerprint, status, updated_at) VALUES ($1, $2, $3, 'EUR', $4,"
                        + " encode(sha256(convert_to($4, 'UTF8')), 'hex'), 'processing', now() - interval '1 hour')")
                .execute(Tuple.of("pay_crash_" + reservationId, reservationId, AMOUNT, token))
                .await().indefinitely();
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
        pool.preparedQuery("INSERT INTO refund (refund_id, reservation_id, amount_minor, reason, status, updated_at)"
                        + " VALUES ($1, $2, 10000, 'canceled', 'processing', now() - interval '1 hour')")
                .execute(Tuple.of("re_crash_" + id, id)).await().indefinitely();

        service.resumeStuck().await().indefinitely();
        service.resumeStuck().await().indefinitely();

        Payment payment = paymentOf(id);
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payment.getStatus());
        assertEquals(10_000, payment.getRefunded().getAmountMinor());
        assertEquals(10_000L, gateway.refunded().get("re_crash_" + id));
    }
}
