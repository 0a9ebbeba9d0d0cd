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
import org.hotelmesh.proto.payment.v1.RefundOutcome;
import org.hotelmesh.proto.payment.v1.RefundResponse;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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
        assertEquals(List.of(AMOUNT), partIds(id, "").stream().map(gateway.refunded()::get).toList());
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

    /** A reservation charged at booking and again for a change of stay ("change-1"). */
    private String capturedTwice(long booking, long change) {
        String id = newReservationId();
        payments.charge(charge(id, booking, "tok_visa"));
        payments.charge(charge(id, "change-1", change, "tok_visa"));
        return id;
    }

    @Test
    void aRefundLargerThanTheNewestChargeTakesItInFullAndTheRestFromTheOlder() {
        String id = capturedTwice(AMOUNT, 12_000);

        RefundResponse answer = payments.refund(refund(id, 20_000, "canceled"));

        RefundOutcome outcome = answer.getRefund();
        assertEquals("", outcome.getRefundId());
        assertEquals(20_000, outcome.getAmount().getAmountMinor());
        assertEquals(20_000, outcome.getConfirmed().getAmountMinor());
        assertTrue(outcome.getDone());
        Payment change = paymentOf(id, "change-1");
        assertEquals(PaymentStatus.REFUNDED, change.getStatus());
        assertEquals(12_000, change.getRefunded().getAmountMinor());
        assertEquals("canceled", change.getRefundReason());
        Payment booking = paymentOf(id);
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, booking.getStatus());
        assertEquals(8_000, booking.getRefunded().getAmountMinor());
        assertEquals(booking, answer.getPayment(), "the answer's payment is the booking's charge");
        // one refund at the processor per charge: 8,000 of the booking's, 12,000 of the change's
        assertEquals(List.of(8_000L, 12_000L), partIds(id, "").stream().map(gateway.refunded()::get).toList());
        assertEquals(8_000, gateway.refundedOfCharge("ch_" + booking.getPaymentId()));
        assertEquals(12_000, gateway.refundedOfCharge("ch_" + change.getPaymentId()));
        assertEquals(1, rows("refund", id));
        assertEquals(2, rows("refund_part", id));
    }

    @Test
    void furtherRefundsAddUpAndTogetherNeverExceedWhatWasCaptured() {
        String id = captured();

        RefundResponse first = payments.refund(refund(id, "change-1", 10_000, "shorter stay"));
        RefundResponse second = payments.refund(refund(id, "change-2", 6_000, "cheaper room"));

        assertTrue(first.getRefund().getDone());
        assertEquals("change-2", second.getRefund().getRefundId());
        assertEquals(6_000, second.getRefund().getConfirmed().getAmountMinor());
        assertEquals(PaymentStatus.PARTIALLY_REFUNDED, second.getPayment().getStatus());
        assertEquals(16_000, second.getPayment().getRefunded().getAmountMinor());
        assertEquals("cheaper room", second.getPayment().getRefundReason());
        assertStatus(Status.Code.FAILED_PRECONDITION, "reservation " + id + " was charged EUR 36000 (minor units), of"
                + " which EUR 16000 is refunded or being refunded; a refund cannot be more than the EUR 20000 left",
                () -> payments.refund(refund(id, 20_001, "canceled")));
        // exactly what is left can be refunded, and then nothing more
        Payment all = payments.refund(refund(id, 20_000, "canceled")).getPayment();
        assertEquals(PaymentStatus.REFUNDED, all.getStatus());
        assertEquals(AMOUNT, all.getRefunded().getAmountMinor());
        assertStatus(Status.Code.FAILED_PRECONDITION, "reservation " + id + " was charged EUR 36000 (minor units), of"
                + " which EUR 36000 is refunded or being refunded; a refund cannot be more than the EUR 0 left",
                () -> payments.refund(refund(id, "change-3", 1, "")));
        assertEquals(3, rows("refund", id));
    }

    @Test
    void aRefundIdAskedAgainIsAnsweredWithoutAskingTheProcessorButAnotherAmountIsRefused() {
        String id = captured();
        RefundResponse first = payments.refund(refund(id, "change-1", 10_000, "shorter stay"));
        String part = partIds(id, "change-1").get(0);
        assertEquals(1, gateway.refundRequests(part));

        assertEquals(first, payments.refund(refund(id, "change-1", 10_000, "shorter stay")));

        assertEquals(1, gateway.refundRequests(part), "a repeat is answered as it stands");
        assertStatus(Status.Code.FAILED_PRECONDITION, "refund change-1 of reservation " + id + " was already asked"
                + " for EUR 10000 (minor units); a refund id is refunded once",
                () -> payments.refund(refund(id, "change-1", 9_000, "shorter stay")));
        assertEquals(10_000, paymentOf(id).getRefunded().getAmountMinor());
        assertEquals(1, rows("refund", id));
        assertEquals(1, gateway.refundRequests(part));
    }

    @Test
    void tenConcurrentRefundsWithTheirOwnIdsNeverRefundMoreThanWasCaptured() throws Exception {
        // 48,000 captured; ten refunds of 7,000 ask 70,000: exactly six fit (42,000), four are refused
        String id = capturedTwice(AMOUNT, 12_000);
        ExecutorService callers = Executors.newFixedThreadPool(10);
        List<Status.Code> answers = new ArrayList<>();
        try {
            List<Callable<Status.Code>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String refundId = "change-" + (i + 2);
                calls.add(() -> {
                    try {
                        payments.refund(refund(id, refundId, 7_000, "change"));
                        return Status.Code.OK;
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode();
                    }
                });
            }
            for (Future<Status.Code> answer : callers.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                answers.add(answer.get());
            }
        } finally {
            callers.shutdownNow();
        }

        assertEquals(6, answers.stream().filter(Status.Code.OK::equals).count(), answers.toString());
        assertEquals(4, answers.stream().filter(Status.Code.FAILED_PRECONDITION::equals).count(), answers.toString());
        Payment change = paymentOf(id, "change-1");
        Payment booking = paymentOf(id);
        assertEquals(12_000, change.getRefunded().getAmountMinor(), "the newest charge is refunded first");
        assertEquals(30_000, booking.getRefunded().getAmountMinor());
        assertEquals(12_000, gateway.refundedOfCharge("ch_" + change.getPaymentId()));
        assertEquals(30_000, gateway.refundedOfCharge("ch_" + booking.getPaymentId()));
        assertEquals(6, rows("refund", id));
        assertEquals(42_000, pool.preparedQuery("SELECT sum(amount_minor) FROM refund_part WHERE reservation_id = $1")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of(id)).await().indefinitely().iterator().next().getLong(0));
    }

    @Test
    void aChargeStillProcessingIsNotRefundedFrom() {
        String id = captured();
        // a change's charge the processor has not answered yet
        pool.preparedQuery("INSERT INTO payment (payment_id, reservation_id, charge_id, amount_minor, currency,"
                        + " payment_token, token_fingerprint, status) VALUES ($1, $2, 'change-1', 12000, 'EUR',"
                        + " 'tok_visa', encode(sha256(convert_to('tok_visa', 'UTF8')), 'hex'), 'processing')")
                .execute(io.vertx.mutiny.sqlclient.Tuple.of("pay_slow_" + id, id)).await().indefinitely();
        assertEquals(PaymentStatus.PROCESSING, paymentOf(id, "change-1").getStatus());

        RefundResponse answer = payments.refund(refund(id, "change-2", 10_000, "cheaper room"));

        assertTrue(answer.getRefund().getDone());
        assertEquals(10_000, answer.getPayment().getRefunded().getAmountMinor(), "taken from the booking's charge");
        assertEquals(1, rows("refund_part", id));
    }

    @Test
    void aMalformedRefundIdIsInvalidAndNothingIsStored() throws Exception {
        String id = captured();

        assertInvalid(() -> payments.refund(refund(id, "change 1", 100, "")), "refundID");
        assertInvalid(() -> payments.refund(refund(id, "x".repeat(65), -1, "")), "refundID", "amount");
        assertEquals(0, rows("refund", id));
    }
}
