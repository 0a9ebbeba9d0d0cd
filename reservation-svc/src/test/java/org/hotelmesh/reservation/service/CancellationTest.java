package org.hotelmesh.reservation.service;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.reservation.v1.CancelReservationRequest;
import org.hotelmesh.proto.reservation.v1.CancelReservationResponse;
import org.hotelmesh.proto.reservation.v1.CancellationFee;
import org.hotelmesh.proto.reservation.v1.CancellationPolicy;
import org.hotelmesh.proto.reservation.v1.GetCancellationPolicyRequest;
import org.hotelmesh.proto.reservation.v1.GetCancellationPolicyResponse;
import org.hotelmesh.proto.reservation.v1.PreviewCancellationRequest;
import org.hotelmesh.proto.reservation.v1.PreviewCancellationResponse;
import org.hotelmesh.proto.reservation.v1.RefundState;
import org.hotelmesh.proto.reservation.v1.Reservation;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.proto.reservation.v1.SetCancellationPolicyRequest;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.Fixtures;
import org.hotelmesh.reservation.SagaTestBase;
import org.hotelmesh.reservation.ScriptedPaymentService;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Cancelling paid reservations: the refund the policy allows, once, even when payment-svc is down at the time. */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class CancellationTest extends SagaTestBase {

    private static final long NIGHT = Fixtures.NIGHT_PRICE;

    /** 2 rooms, 3 nights, paid with tok_visa: 6 x NIGHT. */
    private Reservation bookPaid(RoomTypeRef rt, String id, LocalDate start) {
        Reservation paid = reservations.createReservation(booking(id, rt, start, start.plusDays(3), 2, "guest-" + id,
                "tok_visa")).getReservation();
        assertEquals(ReservationStatus.PAID, paid.getStatus());
        return paid;
    }

    private CancelReservationResponse cancel(String id, boolean waiveFee) {
        return reservations.cancelReservation(CancelReservationRequest.newBuilder().setReservationId(id)
                .setRequestedBy("guest-" + id).setWaiveFee(waiveFee).build());
    }

    private PreviewCancellationResponse preview(String id) {
        return reservations.previewCancellation(PreviewCancellationRequest.newBuilder().setReservationId(id).build());
    }

    private void setPolicy(RoomTypeRef rt, int freeUntilDays, CancellationFee fee, int percent) {
        reservations.setCancellationPolicy(SetCancellationPolicyRequest.newBuilder().setHotelId(rt.hotelId())
                .setPolicy(CancellationPolicy.newBuilder().setFreeUntilDays(freeUntilDays).setFee(fee)
                        .setFeePercent(percent)).build());
    }

    @Test
    void cancellingBeforeTheFreeDeadlineRefundsEverythingOnce() {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(30);
        String id = "free-" + rt.roomTypeId();
        bookPaid(rt, id, start);

        PreviewCancellationResponse terms = preview(id);
        assertEquals(6 * NIGHT, terms.getRefund().getAmountMinor());
        assertEquals(0, terms.getFee().getAmountMinor());
        assertEquals("free cancellation until 2 days before arrival; after that, the first night is charged"
                + " (free until " + start.minusDays(2) + ", hotel time)", terms.getPolicy());

        CancelReservationResponse canceled = cancel(id, false);

        assertEquals(ReservationStatus.REFUNDED, canceled.getReservation().getStatus());
        assertEquals(6 * NIGHT, canceled.getRefund().getAmountMinor());
        assertEquals(0, canceled.getFee().getAmountMinor());
        assertEquals(RefundState.REFUND_STATE_REFUNDED, canceled.getReservation().getPayment().getRefundState());
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertEquals(6 * NIGHT, ScriptedPaymentService.payment(id).getRefunded().getAmountMinor());
        assertEquals(0, totalReserved(rt, start));
        assertEquals(canceled.getReservation(), cancel(id, false).getReservation()); // again: unchanged
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertInvariants(rt, start);
    }

    @Test
    void cancellingLateKeepsTheFirstNightOfEveryRoom() {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(1); // inside the default 2 days
        String id = "late-" + rt.roomTypeId();
        bookPaid(rt, id, start);

        assertEquals(2 * NIGHT, preview(id).getFee().getAmountMinor());
        CancelReservationResponse canceled = cancel(id, false);

        assertEquals(4 * NIGHT, canceled.getRefund().getAmountMinor());
        assertEquals(2 * NIGHT, canceled.getFee().getAmountMinor());
        assertEquals(4 * NIGHT, ScriptedPaymentService.payment(id).getRefunded().getAmountMinor());
        assertEquals(0, totalReserved(rt, start));
        assertInvariants(rt, start);
    }

    @Test
    void staffMayWaiveTheFee() {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(1);
        String id = "waived-" + rt.roomTypeId();
        bookPaid(rt, id, start);

        CancelReservationResponse canceled = cancel(id, true);

        assertEquals(6 * NIGHT, canceled.getRefund().getAmountMinor());
        assertEquals(0, canceled.getFee().getAmountMinor());
        assertEquals(6 * NIGHT, ScriptedPaymentService.payment(id).getRefunded().getAmountMinor());
    }

    @Test
    void aReservationKeepsThePolicyItWasBookedUnder() {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(5);
        setPolicy(rt, 7, CancellationFee.PERCENTAGE, 25);
        String id = "pct-" + rt.roomTypeId();
        Reservation paid = bookPaid(rt, id, start);
        assertEquals(7, paid.getCancellationPolicy().getFreeUntilDays());
        // a later change applies to later bookings only
        setPolicy(rt, 0, CancellationFee.FIRST_NIGHT, 0);
        GetCancellationPolicyResponse now = reservations.getCancellationPolicy(GetCancellationPolicyRequest
                .newBuilder().setHotelId(rt.hotelId()).build());
        assertEquals("hotel", now.getSource());
        assertEquals("free cancellation until the day of arrival; after that, the first night is charged",
                now.getPolicy().getTerms());

        CancelReservationResponse canceled = cancel(id, false);

        assertEquals(6 * NIGHT / 4, canceled.getFee().getAmountMinor()); // 25% of the total
        assertEquals(6 * NIGHT - 6 * NIGHT / 4, canceled.getRefund().getAmountMinor());
    }

    @Test
    void aFeeOfTheWholeTotalRefundsNothingAndAsksPaymentSvcForNothing() {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(1);
        setPolicy(rt, 3, CancellationFee.PERCENTAGE, 100);
        String id = "all-fee-" + rt.roomTypeId();
        bookPaid(rt, id, start);

        CancelReservationResponse canceled = cancel(id, false);

        assertEquals(ReservationStatus.REFUNDED, canceled.getReservation().getStatus());
        assertEquals(0, canceled.getRefund().getAmountMinor());
        assertEquals(6 * NIGHT, canceled.getFee().getAmountMinor());
        assertEquals(RefundState.REFUND_STATE_NONE, canceled.getReservation().getPayment().getRefundState());
        assertEquals(0, ScriptedPaymentService.refunds(id));
        assertEquals(0, totalReserved(rt, start));
    }

    @Test
    void tenConcurrentCancelsOfAPaidReservationRefundOnceAndReleaseOnce() throws Exception {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(30);
        String id = "race-" + rt.roomTypeId();
        bookPaid(rt, id, start);
        bookPaid(rt, "other-" + rt.roomTypeId(), start);

        ExecutorService threads = Executors.newFixedThreadPool(10);
        List<Callable<Reservation>> calls = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            calls.add(() -> cancel(id, false).getReservation());
        }
        List<Reservation> answers = new ArrayList<>();
        for (Future<Reservation> f : threads.invokeAll(calls)) {
            answers.add(f.get());
        }
        threads.shutdown();

        answers.forEach(r -> assertEquals(ReservationStatus.REFUNDED, r.getStatus()));
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertEquals(2, totalReserved(rt, start)); // the other reservation's rooms only
        assertEquals(1, queryInt("SELECT count(*) FROM reservation_status_change WHERE reservation_id = ?"
                + " AND status = 'refunded'", id));
        assertEquals(1, new HashSet<>(answers.stream().map(r -> r.getPayment()).toList()).size());
        assertInvariants(rt, start);
    }

    @Test
    void aRefundOwedWhilePaymentSvcIsDownIsIssuedOnceWhenItIsBack() throws Exception {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(30);
        String id = "refund-later-" + rt.roomTypeId();
        bookPaid(rt, id, start);
        ScriptedPaymentService.down.set(true);

        CancelReservationResponse canceled = cancel(id, false);

        assertEquals(ReservationStatus.REFUNDED, canceled.getReservation().getStatus());
        assertEquals(RefundState.REFUND_STATE_REQUESTED, canceled.getReservation().getPayment().getRefundState());
        assertEquals(6 * NIGHT, canceled.getRefund().getAmountMinor());
        assertEquals(0, totalReserved(rt, start)); // the rooms are free at once

        ScriptedPaymentService.down.set(false);
        circuitBreakers.resetAll();
        jobs.recover().await().indefinitely();
        assertEquals(RefundState.REFUND_STATE_REFUNDED, get(id).getPayment().getRefundState());
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertInvariants(rt, start);
    }

    @Test
    void aPendingReservationCanceledWhileItsChargeRunsIsRefundedWhenTheChargeCaptures() throws Exception {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(30);
        String id = "cancel-charging-" + rt.roomTypeId();
        reservations.createReservation(booking(id, rt, start, start.plusDays(3), 2, "g", "tok_pending"));

        assertEquals(ReservationStatus.CANCELED, cancel(id, false).getReservation().getStatus());
        ScriptedPaymentService.complete(id, org.hotelmesh.proto.payment.v1.PaymentStatus.CAPTURED);
        jobs.recover().await().indefinitely();

        Reservation after = get(id);
        assertEquals(ReservationStatus.CANCELED, after.getStatus());
        assertEquals(RefundState.REFUND_STATE_REFUNDED, after.getPayment().getRefundState());
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertInvariants(rt, start);
    }

    @Test
    void aStayThatHasEndedCannotBeCanceled() throws SQLException {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(30);
        String id = "ended-" + rt.roomTypeId();
        bookPaid(rt, id, start);
        // move the stay into the past (bookings in the past are refused, so by hand)
        execute("UPDATE reservation SET start_date = start_date - 40, end_date = end_date - 40,"
                + " nightly_prices_minor = nightly_prices_minor WHERE reservation_id = ?", id);

        assertStatus(Status.Code.FAILED_PRECONDITION, "reservation " + id + " ended on "
                + start.plusDays(3).minusDays(40) + " (hotel time) and can no longer be canceled",
                () -> cancel(id, false));
        assertEquals(0, ScriptedPaymentService.refunds(id));
    }

    @Test
    void policiesAreValidatedAndNeedAnExistingHotel() throws Exception {
        RoomTypeRef rt = roomType(5);
        assertInvalid(() -> setPolicy(rt, 400, CancellationFee.FIRST_NIGHT, 0), "freeUntilDays");
        assertInvalid(() -> setPolicy(rt, 1, CancellationFee.PERCENTAGE, 0), "feePercent");
        assertInvalid(() -> setPolicy(rt, 1, CancellationFee.FIRST_NIGHT, 10), "feePercent");
        assertInvalid(() -> setPolicy(rt, 1, CancellationFee.CANCELLATION_FEE_UNSPECIFIED, 0), "fee");
        assertStatus(Status.Code.NOT_FOUND, "hotel 999999 not found", () -> reservations.getCancellationPolicy(
                GetCancellationPolicyRequest.newBuilder().setHotelId(999_999).build()));
        GetCancellationPolicyResponse policy = reservations.getCancellationPolicy(GetCancellationPolicyRequest
                .newBuilder().setHotelId(rt.hotelId()).build());
        assertEquals("default", policy.getSource());
        assertEquals(2, policy.getPolicy().getFreeUntilDays());
    }
}
