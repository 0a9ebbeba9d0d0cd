package org.hotelmesh.reservation.service;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.reservation.v1.ChangeState;
import org.hotelmesh.proto.reservation.v1.ChangeStayRequest;
import org.hotelmesh.proto.reservation.v1.ChangeStayResponse;
import org.hotelmesh.proto.reservation.v1.PreviewStayChangeResponse;
import org.hotelmesh.proto.reservation.v1.RefundState;
import org.hotelmesh.proto.reservation.v1.Reservation;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.proto.reservation.v1.SetOverbookingRatioRequest;
import org.hotelmesh.reservation.Fixtures;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.SagaTestBase;
import org.hotelmesh.reservation.ScriptedPaymentService;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Changes of stay on the real stores: one atomic step on the inventory (never both stays held, never neither), the
 * difference charged or refunded once however often the change is retried, sold out answered with the old stay kept.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class StayChangeTest extends SagaTestBase {

    private static final long NIGHT = Fixtures.NIGHT_PRICE;

    /** A room type with {@code rooms} in service and no overbooking: exactly {@code rooms} sellable per night. */
    private RoomTypeRef exactly(int rooms) {
        RoomTypeRef rt = roomType(rooms);
        inventory.setOverbookingRatio(SetOverbookingRatioRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setRatio(1.0).build());
        return rt;
    }

    private Reservation bookPaid(RoomTypeRef rt, String id, LocalDate start, int nights, int rooms) {
        Reservation paid = reservations.createReservation(booking(id, rt, start, start.plusDays(nights), rooms,
                "guest-" + id, "tok_visa")).getReservation();
        assertEquals(ReservationStatus.PAID, paid.getStatus());
        return paid;
    }

    private static ChangeStayRequest dates(String id, String changeId, LocalDate start, LocalDate end, String token) {
        ChangeStayRequest.Builder b = ChangeStayRequest.newBuilder().setReservationId(id).setChangeId(changeId)
                .setStay(Fixtures.range(start, end));
        if (token != null) {
            b.setPaymentToken(token);
        }
        return b.build();
    }

    @Test
    void aCheaperStayIsAppliedAtOnceAndItsDifferenceRefundedOnceHoweverOftenItIsAsked() {
        RoomTypeRef rt = exactly(3);
        LocalDate start = utcToday().plusDays(20);
        String id = "shorter-" + rt.roomTypeId();
        bookPaid(rt, id, start, 3, 2);
        String change = "chg-shorter-" + rt.roomTypeId();

        PreviewStayChangeResponse preview = reservations.previewStayChange(dates(id, "", start, start.plusDays(2),
                null));
        assertEquals(-2 * NIGHT, preview.getDifference().getAmountMinor());

        ChangeStayResponse changed = reservations.changeStay(dates(id, change, start, start.plusDays(2), null));

        assertEquals(ChangeState.CHANGE_APPLIED, changed.getChange().getState());
        assertEquals(-2 * NIGHT, changed.getChange().getDifference().getAmountMinor());
        assertEquals(RefundState.REFUND_STATE_REFUNDED, changed.getChange().getRefundState());
        assertEquals(Fixtures.range(start, start.plusDays(2)), changed.getReservation().getStay());
        assertEquals(4 * NIGHT, changed.getReservation().getTotal().getAmountMinor());
        assertEquals(2, totalReserved(rt, start));
        assertEquals(0, totalReserved(rt, start.plusDays(2)), "the night given up is back on sale");
        assertEquals(2 * NIGHT, ScriptedPaymentService.refunded(id, change));

        for (int i = 0; i < 3; i++) {
            assertEquals(changed.getChange(), reservations.changeStay(dates(id, change, start, start.plusDays(2),
                    null)).getChange());
        }
        assertEquals(1, ScriptedPaymentService.refunds(id), "refunded once");
        assertStatus(Status.Code.ALREADY_EXISTS, null,
                () -> reservations.changeStay(dates(id, change, start, start.plusDays(1), null)));
        for (int i = 0; i < 3; i++) {
            assertInvariants(rt, start.plusDays(i));
        }
    }

    @Test
    void aDearerStayIsChargedItsDifferenceOnceAndThenApplied() {
        RoomTypeRef rt = exactly(3);
        LocalDate start = utcToday().plusDays(20);
        String id = "longer-" + rt.roomTypeId();
        bookPaid(rt, id, start, 2, 1);
        String change = "chg-longer-" + rt.roomTypeId();

        assertStatus(Status.Code.INVALID_ARGUMENT, null,
                () -> reservations.changeStay(dates(id, change, start, start.plusDays(4), null)));
        ChangeStayResponse changed = reservations.changeStay(dates(id, change, start, start.plusDays(4),
                "tok_visa"));
        for (int i = 0; i < 3; i++) {
            assertEquals(changed.getChange(), reservations.changeStay(dates(id, change, start, start.plusDays(4),
                    "tok_visa")).getChange());
        }

        assertEquals(ChangeState.CHANGE_APPLIED, changed.getChange().getState());
        assertEquals(2 * NIGHT, changed.getChange().getDifference().getAmountMinor());
        assertEquals(4 * NIGHT, changed.getReservation().getTotal().getAmountMinor());
        assertEquals(1, ScriptedPaymentService.captures(id + "/" + change), "the difference charged once");
        assertEquals(2 * NIGHT, ScriptedPaymentService.payment(id, change).getAmount().getAmountMinor());
        assertEquals(1, ScriptedPaymentService.captures(id), "the booking's own charge untouched");
        for (int i = 0; i < 4; i++) {
            assertEquals(1, totalReserved(rt, start.plusDays(i)));
            assertInvariants(rt, start.plusDays(i));
        }
        assertNull(queryIds("SELECT payment_token FROM reservation_change WHERE change_id = ?", change).get(0),
                "no token kept once settled");
    }

    @Test
    void aDeclinedDifferenceLeavesTheStayAsItWas() {
        RoomTypeRef rt = exactly(3);
        LocalDate start = utcToday().plusDays(20);
        String id = "declined-" + rt.roomTypeId();
        bookPaid(rt, id, start, 1, 1);

        ChangeStayResponse declined = reservations.changeStay(ChangeStayRequest.newBuilder().setReservationId(id)
                .setChangeId("chg-declined-" + rt.roomTypeId()).setRooms(3).setPaymentToken("tok_chargeDeclined")
                .build());

        assertEquals(ChangeState.CHANGE_DECLINED, declined.getChange().getState());
        assertEquals("card_declined", declined.getChange().getDeclineCode());
        assertEquals(1, declined.getReservation().getRooms());
        assertEquals(1, totalReserved(rt, start));
        assertInvariants(rt, start);
    }

    @Test
    void soldOutOnTheNewDatesIsRefusedAndTheOldStayKept() {
        RoomTypeRef rt = exactly(1);
        LocalDate start = utcToday().plusDays(20);
        String id = "stuck-" + rt.roomTypeId();
        bookPaid(rt, id, start, 1, 1);
        bookPaid(rt, "blocker-" + rt.roomTypeId(), start.plusDays(5), 1, 1);

        assertStatus(Status.Code.FAILED_PRECONDITION, "sold out: no room of this type is left on the night of "
                + start.plusDays(5), () -> reservations.changeStay(dates(id, "chg-stuck-" + rt.roomTypeId(),
                        start.plusDays(5), start.plusDays(6), null)));

        Reservation kept = get(id);
        assertEquals(Fixtures.range(start, start.plusDays(1)), kept.getStay());
        assertEquals(0, kept.getChangesCount());
        assertEquals(1, totalReserved(rt, start));
        assertEquals(1, totalReserved(rt, start.plusDays(5)));
        assertEquals(0, ScriptedPaymentService.refunds(id));
        assertInvariants(rt, start);
        assertInvariants(rt, start.plusDays(5));
    }

    /**
     * A change to the last room of a night races a booking of it, ten times over: each time exactly one of them gets
     * the room; the change either moved the stay (and freed its old night) or left it where it was.
     */
    @Test
    void aChangeRacingASellOutKeepsTheOldStayOrTakesTheNewOneNeverBothOrNeither() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                RoomTypeRef rt = exactly(1);
                LocalDate start = utcToday().plusDays(20);
                LocalDate target = start.plusDays(3);
                String id = "racer-" + round + "-" + rt.roomTypeId();
                bookPaid(rt, id, start, 1, 1);
                String rival = "rival-" + round + "-" + rt.roomTypeId();
                String changeId = "chg-race-" + round + "-" + rt.roomTypeId();
                CountDownLatch go = new CountDownLatch(1);
                Future<Status.Code> changing = pool.submit(() -> {
                    go.await();
                    try {
                        reservations.changeStay(dates(id, changeId, target, target.plusDays(1), null));
                        return Status.Code.OK;
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode();
                    }
                });
                Future<ReservationStatus> booking = pool.submit(() -> {
                    go.await();
                    try {
                        return reservations.createReservation(booking(rival, rt, target, target.plusDays(1), 1,
                                "guest-" + rival, "tok_visa")).getReservation().getStatus();
                    } catch (StatusRuntimeException e) {
                        return ReservationStatus.RESERVATION_STATUS_UNSPECIFIED;
                    }
                });
                go.countDown();
                boolean changed = changing.get() == Status.Code.OK;
                boolean booked = booking.get() == ReservationStatus.PAID;
                assertTrue(changed != booked, "exactly one got the night (round " + round + "): changed=" + changed
                        + " booked=" + booked);
                assertEquals(1, totalReserved(rt, target));
                assertEquals(changed ? 0 : 1, totalReserved(rt, start), "the old night held only if not changed");
                Reservation now = get(id);
                assertEquals(changed ? Fixtures.range(target, target.plusDays(1))
                        : Fixtures.range(start, start.plusDays(1)), now.getStay());
                assertInvariants(rt, start);
                assertInvariants(rt, target);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStayChangesOnlyWhilePaidAndNotOnAnotherRoomTypeOfAnotherHotel() {
        RoomTypeRef rt = exactly(3);
        RoomTypeRef elsewhere = exactly(3);
        LocalDate start = utcToday().plusDays(20);
        String id = "rules-" + rt.roomTypeId();
        bookPaid(rt, id, start, 2, 1);

        assertStatus(Status.Code.INVALID_ARGUMENT, null, () -> reservations.changeStay(ChangeStayRequest.newBuilder()
                .setReservationId(id).setChangeId("chg-other-" + rt.roomTypeId())
                .setRoomTypeId(elsewhere.roomTypeId()).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, null, () -> reservations.changeStay(ChangeStayRequest.newBuilder()
                .setReservationId(id).setChangeId("chg-same-" + rt.roomTypeId()).setRooms(1).build()));
        assertStatus(Status.Code.INVALID_ARGUMENT, null, () -> reservations.changeStay(ChangeStayRequest.newBuilder()
                .setReservationId(id).setChangeId("bad id!").setRooms(2).build()));

        String pending = "rules-pending-" + rt.roomTypeId();
        reservations.createReservation(booking(pending, rt, start, start.plusDays(1), 1, "guest-p"));
        assertStatus(Status.Code.FAILED_PRECONDITION, null, () -> reservations.changeStay(ChangeStayRequest
                .newBuilder().setReservationId(pending).setChangeId("chg-pending-" + rt.roomTypeId()).setRooms(2)
                .build()));
        List<String> none = new ArrayList<>(queryIds("SELECT change_id FROM reservation_change WHERE reservation_id"
                + " IN (?, ?)", id, pending));
        assertEquals(List.of(), none);
    }

    @Test
    void aRefundOwedWhilePaymentSvcIsDownIsMadeOnceByTheRecoveryJob() {
        RoomTypeRef rt = exactly(3);
        LocalDate start = utcToday().plusDays(20);
        String id = "refund-later-" + rt.roomTypeId();
        bookPaid(rt, id, start, 3, 1);
        String change = "chg-refund-later-" + rt.roomTypeId();

        ScriptedPaymentService.down.set(true);
        ChangeStayResponse changed = reservations.changeStay(dates(id, change, start, start.plusDays(1), null));
        assertEquals(ChangeState.CHANGE_APPLIED, changed.getChange().getState());
        assertEquals(RefundState.REFUND_STATE_REQUESTED, changed.getChange().getRefundState());
        assertEquals(0, totalReserved(rt, start.plusDays(1)), "applied whatever payment-svc does");
        assertEquals(0, ScriptedPaymentService.refunds(id));

        ScriptedPaymentService.down.set(false);
        circuitBreakers.resetAll();
        jobs.recover().await().indefinitely();
        jobs.recover().await().indefinitely();

        assertEquals(RefundState.REFUND_STATE_REFUNDED, get(id).getChanges(0).getRefundState());
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertEquals(2 * NIGHT, ScriptedPaymentService.refunded(id, change));
        for (int i = 0; i < 3; i++) {
            assertInvariants(rt, start.plusDays(i));
        }
    }

    @Test
    void aDifferenceStillProcessingIsAppliedByTheRecoveryJobOnceCaptured() {
        RoomTypeRef rt = exactly(3);
        LocalDate start = utcToday().plusDays(20);
        String id = "slow-diff-" + rt.roomTypeId();
        bookPaid(rt, id, start, 1, 1);
        String change = "chg-slow-" + rt.roomTypeId();

        ChangeStayResponse charging = reservations.changeStay(dates(id, change, start, start.plusDays(2),
                "tok_pending"));
        assertEquals(ChangeState.CHANGE_CHARGING, charging.getChange().getState());
        assertEquals(Fixtures.range(start, start.plusDays(1)), charging.getReservation().getStay(), "not yet");
        assertEquals(0, totalReserved(rt, start.plusDays(1)));

        jobs.recover().await().indefinitely();
        assertEquals(ChangeState.CHANGE_CHARGING, get(id).getChanges(0).getState(), "still processing");

        ScriptedPaymentService.complete(id + "/" + change, org.hotelmesh.proto.payment.v1.PaymentStatus.CAPTURED);
        jobs.recover().await().indefinitely();
        jobs.recover().await().indefinitely();

        Reservation applied = get(id);
        assertEquals(ChangeState.CHANGE_APPLIED, applied.getChanges(0).getState());
        assertEquals(Fixtures.range(start, start.plusDays(2)), applied.getStay());
        assertEquals(1, totalReserved(rt, start.plusDays(1)));
        assertEquals(1, ScriptedPaymentService.captures(id + "/" + change));
        assertInvariants(rt, start);
        assertInvariants(rt, start.plusDays(1));
    }
}
