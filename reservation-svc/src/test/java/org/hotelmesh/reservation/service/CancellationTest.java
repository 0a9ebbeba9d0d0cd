package org.hotelmesh.reservation.service;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.devtools.test.TestIdentities;
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
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc.ReservationServiceBlockingStub;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.proto.reservation.v1.SetCancellationPolicyRequest;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.Fixtures;
import org.hotelmesh.reservation.SagaTestBase;
import org.hotelmesh.reservation.ScriptedPaymentService;
import org.hotelmesh.reservation.TravelClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
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
    void aRefundIsRefundedOnlyOnceTheProcessorConfirmedItAndIsFlaggedToStaffWhenOverdue() throws Exception {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(30);
        String id = "refund-pending-" + rt.roomTypeId();
        bookPaid(rt, id, start);
        assertEquals(0, queryInt("SELECT count(*) FROM reservation WHERE reservation_id = ?"
                + " AND payment_token IS NOT NULL", id), "a settled payment's token is not kept");
        ScriptedPaymentService.refundsPending.set(true);
        try {
            CancelReservationResponse canceled = cancel(id, false);

            var payment = canceled.getReservation().getPayment();
            assertEquals(RefundState.REFUND_STATE_REQUESTED, payment.getRefundState(), "asked, not confirmed");
            assertEquals(false, payment.getRefundOverdue());
            assertEquals(canceled.getReservation().getHistory(canceled.getReservation().getHistoryCount() - 1)
                    .getAt(), payment.getRefundRequestedAt());
            jobs.recover().await().indefinitely();
            assertEquals(RefundState.REFUND_STATE_REQUESTED, get(id).getPayment().getRefundState());
            TravelClock.travel(Duration.ofHours(2)); // past hotelmesh.saga.refund-overdue-after (1 hour)
            assertEquals(true, get(id).getPayment().getRefundOverdue());
        } finally {
            ScriptedPaymentService.refundsPending.set(false);
        }

        jobs.recover().await().indefinitely();

        assertEquals(RefundState.REFUND_STATE_REFUNDED, get(id).getPayment().getRefundState());
        assertEquals("", get(id).getPayment().getRefundRequestedAt());
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

    // ---- stays in progress: no refund of a night that has begun

    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("localhost", 18083)
            .usePlaintext().build();

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    @AfterEach
    void backToToday() {
        TravelClock.reset();
    }

    private static ReservationServiceBlockingStub through(String userToken) {
        return ReservationServiceGrpc.newBlockingStub(TestIdentities.asEdgeFor(CHANNEL, userToken));
    }

    /** 2 rooms, 4 nights from tomorrow, booked and paid by the guest; then the clock moves to its third night. */
    private String stayInItsThirdNight(RoomTypeRef rt, String guest, LocalDate start) {
        String id = guest + "-" + rt.roomTypeId();
        Reservation paid = through(TestIdentities.guest(guest)).createReservation(booking(id, rt, start,
                start.plusDays(4), 2, "", "tok_visa")).getReservation();
        assertEquals(ReservationStatus.PAID, paid.getStatus());
        TravelClock.travel(Duration.ofDays(3)); // today = start + 2: nights start and start + 1 have begun
        return id;
    }

    @Test
    void aGuestCannotCancelAStayInProgress() {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(1);
        String id = stayInItsThirdNight(rt, "early-bird", start);
        var guest = through(TestIdentities.guest("early-bird"));

        String refusal = "reservation " + id + " began on " + start + " (hotel time): a stay in progress cannot be"
                + " canceled; the hotel's front desk can end it early, refunding the nights not yet begun";
        assertStatus(Status.Code.FAILED_PRECONDITION, refusal,
                () -> guest.cancelReservation(CancelReservationRequest.newBuilder().setReservationId(id).build()));
        assertStatus(Status.Code.FAILED_PRECONDITION, refusal,
                () -> guest.previewCancellation(PreviewCancellationRequest.newBuilder().setReservationId(id).build()));

        assertEquals(ReservationStatus.PAID, reservations.getReservation(
                org.hotelmesh.proto.reservation.v1.GetReservationRequest.newBuilder().setReservationId(id).build())
                .getReservation().getStatus());
        assertEquals(0, ScriptedPaymentService.refunds(id));
        for (LocalDate night = start; night.isBefore(start.plusDays(4)); night = night.plusDays(1)) {
            assertEquals(2, totalReserved(rt, night), "every night still held on " + night);
        }
    }

    @Test
    void staffEndingAStayEarlyRefundOnlyTheNightsNotBegunAndReleaseOnlyThem() {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday().plusDays(1);
        String id = stayInItsThirdNight(rt, "leaves-early", start);
        var staff = through(TestIdentities.staff(rt.hotelId()));

        PreviewCancellationResponse terms = staff.previewCancellation(
                PreviewCancellationRequest.newBuilder().setReservationId(id).build());
        assertEquals(4 * NIGHT, terms.getRefund().getAmountMinor(), "2 rooms x the 2 nights not begun");
        assertEquals(0, terms.getFee().getAmountMinor(), "the first-night fee is within the nights kept");

        CancelReservationResponse ended = staff.cancelReservation(CancelReservationRequest.newBuilder()
                .setReservationId(id).build());

        assertEquals(ReservationStatus.REFUNDED, ended.getReservation().getStatus());
        assertEquals(4 * NIGHT, ended.getRefund().getAmountMinor());
        assertEquals(4 * NIGHT, ScriptedPaymentService.payment(id).getRefunded().getAmountMinor());
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertEquals(2, totalReserved(rt, start), "a night begun stays sold");
        assertEquals(2, totalReserved(rt, start.plusDays(1)));
        assertEquals(0, totalReserved(rt, start.plusDays(2)), "tonight is back on sale");
        assertEquals(0, totalReserved(rt, start.plusDays(3)));
        for (LocalDate night = start; night.isBefore(start.plusDays(4)); night = night.plusDays(1)) {
            assertInvariants(rt, night);
        }
        // staff ending it again: unchanged, nothing moves twice
        assertEquals(ended.getReservation(), staff.cancelReservation(CancelReservationRequest.newBuilder()
                .setReservationId(id).build()).getReservation());
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertEquals(2, totalReserved(rt, start));
    }

    @Test
    void aFeeLargerThanTheNightsBegunKeepsTheFeeWaivedItKeepsOnlyTheNights() {
        RoomTypeRef rt = roomType(5);
        setPolicy(rt, 2, CancellationFee.PERCENTAGE, 75);
        LocalDate start = utcToday().plusDays(1);
        String kept = stayInItsThirdNight(rt, "pays-the-fee", start);
        TravelClock.reset();
        String waived = stayInItsThirdNight(rt, "fee-waived", start);
        var staff = through(TestIdentities.staff(rt.hotelId()));

        CancelReservationResponse withFee = staff.cancelReservation(CancelReservationRequest.newBuilder()
                .setReservationId(kept).build());
        CancelReservationResponse withoutFee = staff.cancelReservation(CancelReservationRequest.newBuilder()
                .setReservationId(waived).setWaiveFee(true).build());

        // total 8 nights; 75% keeps 6, of which 4 were stayed: a fee of 2 beyond them, 2 refunded
        assertEquals(2 * NIGHT, withFee.getRefund().getAmountMinor());
        assertEquals(2 * NIGHT, withFee.getFee().getAmountMinor());
        assertEquals(4 * NIGHT, withoutFee.getRefund().getAmountMinor(), "waived: never a night begun");
        assertEquals(0, withoutFee.getFee().getAmountMinor());
        assertEquals(4, totalReserved(rt, start.plusDays(1)));
        assertEquals(0, totalReserved(rt, start.plusDays(2)));
        assertInvariants(rt, start.plusDays(1));
        assertInvariants(rt, start.plusDays(2));
    }
}
