package org.hotelmesh.payment.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hotelmesh.proto.payment.v1.Payment;
import org.hotelmesh.proto.payment.v1.PaymentStatus;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RefundTest extends PaymentTestBase {

    private String captured() {
        String id = newReservationId();
        payments.charge(charge(id, AMOUNT, "tok_visa"));
        return id;
    }

    @Test
    void aFullRefundRefundsTheCharge() {
        String id = captured();

        Payment payment = payments.refund(refund(id, AMOUNT, "canceled by the guest")).getPayment();

        assertEquals(PaymentStatus.REFUNDED, payment.getStatus());
        assertEquals(AMOUNT, payment.getRefunded().getAmountMinor());
        assertEquals("canceled by the guest", payment.getRefundReason());
        assertEquals(payment, paymentOf(id));
    }

    @Test
    void aPartialRefundKeepsTheRest() {
        String id = captured();

        Payment payment = payments.refund(refund(id, AMOUNT - 12_000, "")).getPayment();

        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, payment.getStatus());
        assertEquals(AMOUNT - 12_000, payment.getRefunded().getAmountMinor());
        assertEquals("requested", payment.getRefundReason());
    }

    @Test
    void tenConcurrentRefundsOfOneReservationRefundOnce() throws Exception {
        String id = captured();
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            List<Callable<Payment>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> payments.refund(refund(id, AMOUNT, "canceled")).getPayment());
            }
            for (Future<Payment> answer : callers.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                answer.get();
            }
        } finally {
            callers.shutdownNow();
        }

        Payment payment = paymentOf(id);
        assertEquals(PaymentStatus.REFUNDED, payment.getStatus());
        assertEquals(AMOUNT, payment.getRefunded().getAmountMinor());
        assertEquals(1, rows("refund", id));
        String refundId = pool.preparedQuery("SELECT refund_id FROM refund WHERE reservation_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id)).await().indefinitely().iterator().next()
                .getString(0);
        assertEquals(AMOUNT, gateway.refunded().get(refundId));
    }

    @Test
    void aRetriedRefundAnswersAgainButAnotherAmountIsRefused() {
        String id = captured();
        Payment first = payments.refund(refund(id, 20_000, "canceled")).getPayment();

        assertEquals(first, payments.refund(refund(id, 20_000, "canceled")).getPayment());
        assertStatus(Status.Code.FAILED_PRECONDITION, "reservation " + id + " was already refunded EUR 20000 (minor"
                + " units); a reservation is refunded once", () -> payments.refund(refund(id, 16_000, "rest")));
        assertEquals(20_000, paymentOf(id).getRefunded().getAmountMinor());
    }

    @Test
    void aRefundCannotExceedTheChargeNorChangeItsCurrency() {
        String id = captured();

        assertStatus(Status.Code.FAILED_PRECONDITION, "reservation " + id + " was charged EUR 36000 (minor units); a"
                + " refund cannot be more", () -> payments.refund(refund(id, AMOUNT + 1, "")));
        assertStatus(Status.Code.FAILED_PRECONDITION, "reservation " + id + " was charged in EUR; a refund is in the"
                + " charge's currency", () -> payments.refund(refund(id, 100, "").toBuilder()
                        .setAmount(org.hotelmesh.proto.common.v1.Money.newBuilder().setAmountMinor(100)
                                .setCurrency("USD")).build()));
        assertEquals(0, rows("refund", id));
    }

    @Test
    void nothingCapturedMeansNothingToRefund() {
        String declined = newReservationId();
        payments.charge(charge(declined, AMOUNT, "tok_chargeDeclined"));

        assertStatus(Status.Code.FAILED_PRECONDITION, "the charge of reservation " + declined + " was declined:"
                + " nothing was captured, so there is nothing to refund",
                () -> payments.refund(refund(declined, AMOUNT, "")));
        String none = newReservationId();
        assertStatus(Status.Code.NOT_FOUND, "reservation " + none + " has no payment",
                () -> payments.refund(refund(none, AMOUNT, "")));
        assertEquals(0, rows("refund", declined));
    }

    @Test
    void aRefundNeedsAPositiveAmountAndAShortReason() throws Exception {
        String id = captured();

        assertInvalid(() -> payments.refund(refund(id, -5, "x".repeat(201))), "amount", "reason");
        assertTrue(paymentOf(id).getStatus() == PaymentStatus.CAPTURED);
    }
}
