package org.hotelmesh.payment.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hotelmesh.proto.payment.v1.GetPaymentRequest;
import org.hotelmesh.proto.payment.v1.Payment;
import org.hotelmesh.proto.payment.v1.PaymentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ChargeTest extends PaymentTestBase {

    @ParameterizedTest
    @CsvSource({"tok_visa, visa", "tok_mastercard, mastercard"})
    void anApprovingCardIsCaptured(String token, String method) {
        String id = newReservationId();

        Payment payment = payments.charge(charge(id, AMOUNT, token)).getPayment();

        assertEquals(PaymentStatus.CAPTURED, payment.getStatus());
        assertEquals(id, payment.getReservationId());
        assertEquals(AMOUNT, payment.getAmount().getAmountMinor());
        assertEquals("EUR", payment.getAmount().getCurrency());
        assertEquals(0, payment.getRefunded().getAmountMinor());
        assertEquals(method, payment.getPaymentMethod());
        assertTrue(payment.getPaymentId().startsWith("pay_"), payment.getPaymentId());
        Instant.parse(payment.getCreatedAt());
        assertEquals(payment, paymentOf(id));
        assertEquals(AMOUNT, gateway.captured().get(payment.getPaymentId()));
    }

    @ParameterizedTest
    @CsvSource({"tok_chargeDeclined, card_declined", "tok_chargeDeclinedInsufficientFunds, insufficient_funds",
            "tok_chargeDeclinedExpiredCard, expired_card"})
    void aDecliningCardIsDeclinedWithItsCodeAndNothingIsCaptured(String token, String code) {
        String id = newReservationId();

        Payment payment = payments.charge(charge(id, AMOUNT, token)).getPayment();

        assertEquals(PaymentStatus.DECLINED, payment.getStatus());
        assertEquals(code, payment.getDeclineCode());
        assertFalse(gateway.captured().containsKey(payment.getPaymentId()));
    }

    @Test
    void aProcessingErrorFailsTheChargeAndCapturesNothing() {
        String id = newReservationId();

        Payment payment = payments.charge(charge(id, AMOUNT, "tok_processingError")).getPayment();

        assertEquals(PaymentStatus.FAILED, payment.getStatus());
        assertEquals("", payment.getDeclineCode());
        assertFalse(gateway.captured().containsKey(payment.getPaymentId()));
    }

    @Test
    void anUnknownTokenOrBadAmountIsInvalidAndNothingIsStored() throws Exception {
        String id = newReservationId();

        var violations = assertInvalid(() -> payments.charge(charge(id, 0, "tok_amex")), "amount", "paymentToken");
        assertTrue(violations.getFieldViolations(1).getDescription().startsWith("is not a payment token; test tokens"
                + " are tok_chargeDeclined, "), violations.toString());
        assertInvalid(() -> payments.charge(charge("not an id!", AMOUNT, "tok_visa").toBuilder()
                .setAmount(org.hotelmesh.proto.common.v1.Money.newBuilder().setAmountMinor(AMOUNT).setCurrency("eur"))
                .build()), "reservationID", "currency");
        assertInvalid(() -> payments.charge(charge(id, AMOUNT, "")), "paymentToken");
        assertEquals(0, rows("payment", id));
    }

    @Test
    void aRetriedChargeAnswersTheFirstAndNeverChargesTwice() {
        String id = newReservationId();
        Payment first = payments.charge(charge(id, AMOUNT, "tok_visa")).getPayment();

        Payment again = payments.charge(charge(id, AMOUNT, "tok_visa")).getPayment();

        assertEquals(first, again);
        assertEquals(1, rows("payment", id));
        assertEquals(1, gateway.captured().keySet().stream().filter(first.getPaymentId()::equals).count());
    }

    @Test
    void fiftyConcurrentChargesOfOneReservationCaptureOnce() throws Exception {
        String id = newReservationId();
        ExecutorService callers = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Payment>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                calls.add(() -> payments.charge(charge(id, AMOUNT, "tok_visa")).getPayment());
            }
            List<Payment> answers = new ArrayList<>();
            for (Future<Payment> answer : callers.invokeAll(calls, 30, TimeUnit.SECONDS)) {
                answers.add(answer.get());
            }

            assertEquals(50, answers.size());
            assertEquals(1, answers.stream().map(Payment::getPaymentId).distinct().count());
            assertTrue(answers.stream().allMatch(p -> p.getStatus() == PaymentStatus.CAPTURED), answers.toString());
            assertEquals(1, rows("payment", id));
            assertEquals(AMOUNT, gateway.captured().get(answers.get(0).getPaymentId()));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aSecondChargeWithAnotherAmountOrTokenIsRefused() {
        String id = newReservationId();
        payments.charge(charge(id, AMOUNT, "tok_visa"));

        assertStatus(Status.Code.FAILED_PRECONDITION, "reservation " + id + " was already charged EUR 36000 (minor"
                + " units) with another token or amount; a reservation is charged once",
                () -> payments.charge(charge(id, AMOUNT + 1, "tok_visa")));
        assertStatus(Status.Code.FAILED_PRECONDITION, null,
                () -> payments.charge(charge(id, AMOUNT, "tok_mastercard")));
        assertEquals(PaymentStatus.CAPTURED, paymentOf(id).getStatus());
    }

    @Test
    void aGatewaySlowerThanTheCallersDeadlineStillCapturesOnce() throws Exception {
        String id = newReservationId();

        // tok_slow answers after 1.5 s in tests; the caller gives up after 300 ms.
        assertStatus(Status.Code.DEADLINE_EXCEEDED, null, () -> payments.withDeadlineAfter(300, TimeUnit.MILLISECONDS)
                .charge(charge(id, AMOUNT, "tok_slow")));
        assertEquals(PaymentStatus.PROCESSING, paymentOf(id).getStatus());

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (paymentOf(id).getStatus() == PaymentStatus.PROCESSING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Payment payment = paymentOf(id);
        assertEquals(PaymentStatus.CAPTURED, payment.getStatus());
        assertEquals(AMOUNT, gateway.captured().get(payment.getPaymentId()));
        // Asking again answers the captured charge at once.
        assertEquals(payment, payments.charge(charge(id, AMOUNT, "tok_slow")).getPayment());
    }

    @Test
    void aReservationWithoutPaymentIsNotFound() {
        String id = newReservationId();

        assertStatus(Status.Code.NOT_FOUND, "reservation " + id + " has no payment", () -> paymentOf(id));
    }

    @Test
    void aFurtherChargeIsAPaymentOfItsOwnAndEachIsIdempotent() {
        String id = newReservationId();
        Payment booking = payments.charge(charge(id, AMOUNT, "tok_visa")).getPayment();

        Payment change = payments.charge(charge(id, "change-1", 12_000, "tok_mastercard")).getPayment();

        assertNotEquals(booking.getPaymentId(), change.getPaymentId());
        assertEquals("", booking.getChargeId());
        assertEquals("change-1", change.getChargeId());
        assertEquals(PaymentStatus.CAPTURED, change.getStatus());
        assertEquals(12_000, change.getAmount().getAmountMinor());
        assertEquals("mastercard", change.getPaymentMethod());
        // each answered again as it is, by its own key, and read by it
        assertEquals(booking, payments.charge(charge(id, AMOUNT, "tok_visa")).getPayment());
        assertEquals(change, payments.charge(charge(id, "change-1", 12_000, "tok_mastercard")).getPayment());
        assertEquals(booking, paymentOf(id));
        assertEquals(booking, paymentOf(id, ""));
        assertEquals(change, paymentOf(id, "change-1"));
        assertEquals(2, rows("payment", id));
        assertEquals(AMOUNT, gateway.captured().get(booking.getPaymentId()));
        assertEquals(12_000L, gateway.captured().get(change.getPaymentId()));
    }

    @Test
    void aFurtherChargeWithAnotherAmountTokenOrCurrencyIsRefused() {
        String id = newReservationId();
        payments.charge(charge(id, AMOUNT, "tok_visa"));
        payments.charge(charge(id, "change-1", 12_000, "tok_visa"));

        assertStatus(Status.Code.FAILED_PRECONDITION, "charge change-1 of reservation " + id + " was already made for"
                + " EUR 12000 (minor units) with another token or amount; a charge id is charged once",
                () -> payments.charge(charge(id, "change-1", 12_001, "tok_visa")));
        assertStatus(Status.Code.FAILED_PRECONDITION, null,
                () -> payments.charge(charge(id, "change-1", 12_000, "tok_mastercard")));
        assertStatus(Status.Code.FAILED_PRECONDITION, "reservation " + id + " is charged in EUR; a further charge is"
                + " in the same currency", () -> payments.charge(charge(id, "change-2", 100, "tok_visa").toBuilder()
                        .setAmount(org.hotelmesh.proto.common.v1.Money.newBuilder().setAmountMinor(100)
                                .setCurrency("USD")).build()));
        assertEquals(12_000, paymentOf(id, "change-1").getAmount().getAmountMinor());
        assertEquals(2, rows("payment", id));
    }

    @Test
    void aMalformedChargeIdIsInvalidAndNothingIsStored() throws Exception {
        String id = newReservationId();

        assertInvalid(() -> payments.charge(charge(id, "change 1", AMOUNT, "tok_visa")), "chargeID");
        assertInvalid(() -> payments.charge(charge(id, "x".repeat(65), 0, "tok_visa")), "chargeID", "amount");
        assertInvalid(() -> payments.getPayment(GetPaymentRequest.newBuilder().setReservationId(id)
                .setChargeId("change/1").build()), "chargeID");
        assertEquals(0, rows("payment", id));
    }

    @Test
    void aChargeIdTheReservationDoesNotHaveIsNotFound() {
        String id = newReservationId();
        payments.charge(charge(id, AMOUNT, "tok_visa"));

        assertStatus(Status.Code.NOT_FOUND, "reservation " + id + " has no charge change-9",
                () -> paymentOf(id, "change-9"));
    }
}
