package org.hotelmesh.reservation.service;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.payment.v1.PaymentStatus;
import org.hotelmesh.proto.reservation.v1.CreateReservationRequest;
import org.hotelmesh.proto.reservation.v1.PaymentState;
import org.hotelmesh.proto.reservation.v1.RefundState;
import org.hotelmesh.proto.reservation.v1.Reservation;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.Fixtures;
import org.hotelmesh.reservation.SagaTestBase;
import org.hotelmesh.reservation.ScriptedPaymentService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Booking -> charge -> paid or rejected, and every way the outcome can be late: slow, lost, payment-svc down, expiry. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class BookingSagaTest extends SagaTestBase {

    private static final LocalDate START = utcToday().plusDays(40);

    private Reservation book(RoomTypeRef rt, String id, String token) {
        return reservations.createReservation(booking(id, rt, START, START.plusDays(2), 2, "guest-" + id, token))
                .getReservation();
    }

    @Test
    void theChargeWaitsNoLongerThanTheGuestWhoBooks() {
        RoomTypeRef rt = roomType(5);
        String hurried = "hurried-" + rt.roomTypeId();
        String patient = "patient-" + rt.roomTypeId();

        // payment-svc's own deadline here is 1 s; a caller who waits 900 ms leaves it less than that
        reservations.withDeadlineAfter(900, TimeUnit.MILLISECONDS)
                .createReservation(booking(hurried, rt, START, START.plusDays(1), 1, "guest-h", "tok_visa"));
        reservations.withDeadlineAfter(30, TimeUnit.SECONDS)
                .createReservation(booking(patient, rt, START, START.plusDays(1), 1, "guest-p", "tok_visa"));

        Duration hurriedCharge = ScriptedPaymentService.chargeDeadline(hurried);
        Duration patientCharge = ScriptedPaymentService.chargeDeadline(patient);
        assertTrue(hurriedCharge.compareTo(Duration.ofMillis(900)) < 0, "charge deadline " + hurriedCharge);
        assertTrue(patientCharge.compareTo(Duration.ofMillis(900)) > 0
                && patientCharge.compareTo(Duration.ofSeconds(1)) <= 0, "charge deadline " + patientCharge);
    }

    @Test
    void anApprovedCardAnswersPaidWithOneCaptureAndTheRoomsHeld() {
        RoomTypeRef rt = roomType(5);
        String id = "visa-" + rt.roomTypeId();

        Reservation paid = book(rt, id, "tok_visa");

        assertEquals(ReservationStatus.PAID, paid.getStatus());
        assertEquals(PaymentState.PAYMENT_STATE_CAPTURED, paid.getPayment().getState());
        assertEquals("pay_" + id, paid.getPayment().getPaymentId());
        assertEquals(List.of(ReservationStatus.PENDING, ReservationStatus.PAID),
                paid.getHistoryList().stream().map(h -> h.getStatus()).toList());
        assertEquals(Fixtures.NIGHT_PRICE * 2 * 2, ScriptedPaymentService.payment(id).getAmount().getAmountMinor());
        assertEquals(1, ScriptedPaymentService.captures(id));
        assertEquals(2, totalReserved(rt, START));
        assertEquals(paid, get(id));
        assertInvariants(rt, START);
    }

    @ParameterizedTest
    @CsvSource({ "tok_chargeDeclined, PAYMENT_STATE_DECLINED, card_declined",
            "tok_chargeDeclinedInsufficientFunds, PAYMENT_STATE_DECLINED, insufficient_funds",
            "tok_chargeDeclinedExpiredCard, PAYMENT_STATE_DECLINED, expired_card",
            "tok_processingError, PAYMENT_STATE_FAILED, ''",
            "tok_unknownToTheProcessor, PAYMENT_STATE_FAILED, invalid_token" })
    void aRefusedChargeRejectsTheReservationAndReleasesItsRooms(String token, PaymentState state, String code) {
        RoomTypeRef rt = roomType(5);
        String id = "refused-" + rt.roomTypeId();

        Reservation rejected = book(rt, id, token);

        assertEquals(ReservationStatus.REJECTED, rejected.getStatus());
        assertEquals(state, rejected.getPayment().getState());
        assertEquals(code, rejected.getPayment().getDeclineCode());
        assertEquals(0, totalReserved(rt, START));
        assertEquals(0, totalReserved(rt, START.plusDays(1)));
        assertEquals(0, ScriptedPaymentService.captures(id));
        // a replay answers the same, and charges nothing again
        assertEquals(rejected, book(rt, id, token));
        assertInvariants(rt, START);
    }

    @Test
    void aMissingOrMalformedTokenIsInvalidAndHoldsNothing() throws Exception {
        RoomTypeRef rt = roomType(5);
        CreateReservationRequest none = booking("no-token-" + rt.roomTypeId(), rt, START, START.plusDays(1), 1, "g")
                .toBuilder().clearPaymentToken().build();
        assertInvalid(() -> reservations.createReservation(none), "paymentToken");
        assertInvalid(() -> reservations.createReservation(none.toBuilder().setPaymentToken("tok visa").build()),
                "paymentToken");
        assertEquals(0, queryInt("SELECT count(*) FROM reservation WHERE hotel_id = ?", rt.hotelId()));
        assertEquals(0, totalReserved(rt, START));
    }

    @Test
    void aChargeSlowerThanTheDeadlineAnswersPendingAndRecoveryMakesItPaid() throws Exception {
        RoomTypeRef rt = roomType(5);
        String id = "slow-" + rt.roomTypeId();

        long started = System.nanoTime();
        Reservation pending = book(rt, id, "tok_slow");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(ReservationStatus.PENDING, pending.getStatus());
        assertEquals(PaymentState.PAYMENT_STATE_CHARGING, pending.getPayment().getState());
        assertTrue(took.compareTo(ScriptedPaymentService.SLOW) < 0, "answered before the processor: " + took);
        Instant holdEnds = Instant.parse(pending.getPayment().getHoldExpiresAt());
        assertTrue(holdEnds.isAfter(Instant.now().plus(Duration.ofMinutes(14))), "held 15 minutes: " + holdEnds);
        assertEquals(2, totalReserved(rt, START));

        // while the processor works, recovery finds it processing and leaves it
        jobs.recover().await().indefinitely();
        assertEquals(ReservationStatus.PENDING, get(id).getStatus());

        await(Duration.ofSeconds(5), () -> ScriptedPaymentService.captures(id) == 1, "the slow charge captures");
        jobs.recover().await().indefinitely();
        Reservation paid = get(id);
        assertEquals(ReservationStatus.PAID, paid.getStatus());
        assertEquals(1, ScriptedPaymentService.captures(id));
        assertInvariants(rt, START);
    }

    @Test
    void aCaptureWhoseAnswerWasLostIsRecoveredToPaidWithoutChargingAgain() throws Exception {
        RoomTypeRef rt = roomType(5);
        String id = "lost-" + rt.roomTypeId();

        Reservation pending = book(rt, id, "tok_lostAnswer");

        // payment-svc captured, but reservation-svc never heard: the state a crash between the two leaves
        assertEquals(ReservationStatus.PENDING, pending.getStatus());
        assertEquals(PaymentState.PAYMENT_STATE_CHARGING, pending.getPayment().getState());
        assertEquals(1, ScriptedPaymentService.captures(id));

        assertEquals(1, jobs.recover().await().indefinitely());
        assertEquals(ReservationStatus.PAID, get(id).getStatus());
        assertEquals(1, ScriptedPaymentService.captures(id));
        assertEquals(0, jobs.recover().await().indefinitely()); // nothing left open
        assertInvariants(rt, START);
    }

    @Test
    void whilePaymentSvcIsDownBookingsStayPendingAndEndPaidExactlyOnceWhenItIsBack() throws Exception {
        RoomTypeRef rt = roomType(5);
        List<String> ids = List.of("down-a-" + rt.roomTypeId(), "down-b-" + rt.roomTypeId());
        ScriptedPaymentService.down.set(true);

        for (String id : ids) {
            Reservation pending = book(rt, id, "tok_visa");
            assertEquals(ReservationStatus.PENDING, pending.getStatus());
            assertEquals(PaymentState.PAYMENT_STATE_CHARGING, pending.getPayment().getState());
        }
        assertEquals(4, totalReserved(rt, START));
        jobs.recover().await().indefinitely(); // still down: nothing changes, nothing fails
        assertEquals(ReservationStatus.PENDING, get(ids.get(0)).getStatus());

        ScriptedPaymentService.down.set(false);
        circuitBreakers.resetAll(); // the breaker opened while payment-svc was down; its delay is not the point here
        // one comes back through a replay of the guest's request, the other through the recovery job
        assertEquals(ReservationStatus.PAID, book(rt, ids.get(0), "tok_visa").getStatus());
        jobs.recover().await().indefinitely();
        for (String id : ids) {
            assertEquals(ReservationStatus.PAID, get(id).getStatus());
            assertEquals(1, ScriptedPaymentService.captures(id));
        }
        assertInvariants(rt, START);
    }

    @Test
    void fiftyConcurrentIdenticalBookingsChargeOnce() throws Exception {
        RoomTypeRef rt = roomType(5);
        String id = "dup-pay-" + rt.roomTypeId();
        ExecutorService threads = Executors.newFixedThreadPool(50);
        List<Callable<Reservation>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> book(rt, id, "tok_visa"));
        }
        List<Reservation> answers = new ArrayList<>();
        for (Future<Reservation> f : threads.invokeAll(calls)) {
            answers.add(f.get());
        }
        threads.shutdown();

        assertEquals(1, new HashSet<>(answers).size());
        assertEquals(ReservationStatus.PAID, answers.get(0).getStatus());
        assertEquals(1, ScriptedPaymentService.captures(id));
        assertEquals(2, totalReserved(rt, START));
        assertInvariants(rt, START);
    }

    @Test
    void anUnpaidHoldExpiresAndACaptureAfterExpiryIsRefundedInFull() throws Exception {
        RoomTypeRef rt = roomType(5);
        String id = "expire-" + rt.roomTypeId();
        Reservation pending = book(rt, id, "tok_pending");
        assertEquals(ReservationStatus.PENDING, pending.getStatus());
        execute("UPDATE reservation SET hold_expires_at = now() - interval '1 second' WHERE reservation_id = ?", id);

        assertEquals(1, jobs.expire().await().indefinitely());
        Reservation canceled = get(id);
        assertEquals(ReservationStatus.CANCELED, canceled.getStatus());
        assertEquals("system:hold-expiry", queryIds("SELECT changed_by FROM reservation_status_change"
                + " WHERE reservation_id = ? AND status = 'canceled'", id).get(0));
        assertEquals(0, totalReserved(rt, START));
        assertEquals(0, jobs.expire().await().indefinitely());

        // the processor answers late: the money is given back, the reservation stays canceled
        ScriptedPaymentService.complete(id, PaymentStatus.CAPTURED);
        jobs.recover().await().indefinitely();
        Reservation refunded = get(id);
        assertEquals(ReservationStatus.CANCELED, refunded.getStatus());
        assertEquals(PaymentState.PAYMENT_STATE_CAPTURED, refunded.getPayment().getState());
        assertEquals(RefundState.REFUND_STATE_REFUNDED, refunded.getPayment().getRefundState());
        assertEquals(Fixtures.NIGHT_PRICE * 4, refunded.getPayment().getRefund().getAmountMinor());
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertEquals(Fixtures.NIGHT_PRICE * 4,
                ScriptedPaymentService.payment(id).getRefunded().getAmountMinor());
        jobs.recover().await().indefinitely();
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertInvariants(rt, START);
    }

    @Test
    void aHoldWhoseChargeCapturedInTimeBecomesPaidNotExpired() throws SQLException {
        RoomTypeRef rt = roomType(5);
        String id = "in-time-" + rt.roomTypeId();
        book(rt, id, "tok_pending");
        ScriptedPaymentService.complete(id, PaymentStatus.CAPTURED);
        execute("UPDATE reservation SET hold_expires_at = now() - interval '1 second' WHERE reservation_id = ?", id);

        jobs.expire().await().indefinitely();

        assertEquals(ReservationStatus.PAID, get(id).getStatus());
        assertEquals(2, totalReserved(rt, START));
        assertEquals(0, ScriptedPaymentService.refunds(id));
        assertInvariants(rt, START);
    }

    @Test
    void anExpiredHoldWhoseChargeNeverReachedPaymentSvcIsCanceledAndNeverCharged() throws Exception {
        RoomTypeRef rt = roomType(5);
        String id = "never-" + rt.roomTypeId();
        ScriptedPaymentService.down.set(true);
        book(rt, id, "tok_visa");
        execute("UPDATE reservation SET hold_expires_at = now() - interval '1 second' WHERE reservation_id = ?", id);
        ScriptedPaymentService.down.set(false);
        circuitBreakers.resetAll();

        jobs.expire().await().indefinitely();
        jobs.recover().await().indefinitely();

        Reservation canceled = get(id);
        assertEquals(ReservationStatus.CANCELED, canceled.getStatus());
        assertEquals(PaymentState.PAYMENT_STATE_NONE, canceled.getPayment().getState());
        assertEquals(null, ScriptedPaymentService.payment(id));
        assertEquals(0, totalReserved(rt, START));
        assertInvariants(rt, START);
    }
}
