package org.hotelmesh.reservation.grpc;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.devtools.test.TestIdentities;
import org.hotelmesh.proto.payment.v1.PaymentStatus;
import org.hotelmesh.proto.reservation.v1.CancelReservationRequest;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc.ReservationServiceBlockingStub;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.ReservationTestBase;
import org.hotelmesh.reservation.ScriptedPaymentService;
import org.hotelmesh.reservation.service.SagaJobs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * One guest booking for themselves holds at most 3 unpaid holds and 10 rooms at a hotel on one night (the defaults);
 * past that, RESOURCE_EXHAUSTED naming the limit, with nothing booked. Staff and tools booking for a guest are not
 * held to it; a replay of a booking made is never refused by it.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class GuestLimitsTest extends ReservationTestBase {

    private static final ManagedChannel CHANNEL = ManagedChannelBuilder.forAddress("localhost", 18083)
            .usePlaintext().build();

    private final List<String> holds = new ArrayList<>();

    @AfterAll
    static void close() {
        CHANNEL.shutdownNow();
    }

    @Inject
    SagaJobs jobs;

    /** Unpaid holds are canceled and their charges declined and settled: no test leaves a saga open for others. */
    @AfterEach
    void releaseHolds() {
        holds.forEach(id -> {
            reservations.cancelReservation(CancelReservationRequest.newBuilder().setReservationId(id).build());
            ScriptedPaymentService.complete(id, PaymentStatus.DECLINED);
        });
        jobs.recover().await().indefinitely();
        assertEquals(0, jobs.recover().await().indefinitely(), "nothing left open");
    }

    private static ReservationServiceBlockingStub asGuest(String guest) {
        return ReservationServiceGrpc.newBlockingStub(TestIdentities.asEdgeFor(CHANNEL, TestIdentities.guest(guest)));
    }

    private String hold(ReservationServiceBlockingStub as, RoomTypeRef rt, LocalDate start, int rooms) {
        String id = UUID.randomUUID().toString();
        // tok_pending: the processor never answers, so the reservation stays an unpaid hold
        assertEquals(ReservationStatus.PENDING, as.createReservation(booking(id, rt, start, start.plusDays(1), rooms,
                "", "tok_pending")).getReservation().getStatus());
        holds.add(id);
        return id;
    }

    @Test
    void aFourthUnpaidHoldIsRefusedAndAReplayOfAHoldIsNot() {
        RoomTypeRef rt = roomType(20);
        String guest = "holder-" + rt.hotelId();
        LocalDate start = utcToday().plusDays(20);
        String first = hold(asGuest(guest), rt, start, 1);
        hold(asGuest(guest), rt, start.plusDays(1), 1);
        hold(asGuest(guest), rt, start.plusDays(2), 1);

        String fourth = UUID.randomUUID().toString();
        assertStatus(Status.Code.RESOURCE_EXHAUSTED, "guest " + guest + " has 3 unpaid holds, the most one guest may"
                + " have at once (3); pay or cancel one first", () -> asGuest(guest).createReservation(
                booking(fourth, rt, start.plusDays(3), start.plusDays(4), 1, "", "tok_visa")));
        assertEquals(0, queryInt("SELECT count(*) FROM reservation WHERE reservation_id = ?", fourth));
        // the same booking again is a replay, answered as it stands
        assertEquals(ReservationStatus.PENDING, asGuest(guest).createReservation(booking(first, rt, start,
                start.plusDays(1), 1, "", "tok_pending")).getReservation().getStatus());
        // another guest has limits of their own; a tool booking for this guest is not held to them
        hold(asGuest("someone-else-" + rt.hotelId()), rt, start, 1);
        String byTool = UUID.randomUUID().toString();
        assertEquals(ReservationStatus.PENDING, reservations.createReservation(booking(byTool, rt, start.plusDays(5),
                start.plusDays(6), 1, guest, "tok_pending")).getReservation().getStatus());
        holds.add(byTool);
    }

    @Test
    void moreThanTenRoomsOnOneNightAtOneHotelIsRefusedOtherNightsAndHotelsAreNot() {
        RoomTypeRef rt = roomType(30);
        RoomTypeRef other = roomType(30);
        String guest = "group-" + rt.hotelId();
        LocalDate start = utcToday().plusDays(40);
        var as = asGuest(guest);
        assertEquals(ReservationStatus.PAID, as.createReservation(booking(UUID.randomUUID().toString(), rt, start,
                start.plusDays(3), 6, "", "tok_visa")).getReservation().getStatus());

        String tooMany = UUID.randomUUID().toString();
        assertStatus(Status.Code.RESOURCE_EXHAUSTED, "guest " + guest + " would hold 11 rooms at hotel "
                + rt.hotelId() + " on one night; one guest may hold at most 10 (the hotel books groups)",
                () -> as.createReservation(booking(tooMany, rt, start.plusDays(2), start.plusDays(4), 5, "",
                        "tok_visa")));
        // a tool booking for the guest is not held to it
        assertEquals(ReservationStatus.PAID, reservations.createReservation(booking(UUID.randomUUID().toString(),
                rt, start, start.plusDays(1), 9, guest, "tok_visa")).getReservation().getStatus());
        assertEquals(0, queryInt("SELECT count(*) FROM reservation WHERE reservation_id = ?", tooMany));
        assertEquals(6, totalReserved(rt, start.plusDays(2)));

        // exactly ten is fine; the night after the stay and another hotel count apart
        assertEquals(ReservationStatus.PAID, as.createReservation(booking(UUID.randomUUID().toString(), rt,
                start.plusDays(2), start.plusDays(4), 4, "", "tok_visa")).getReservation().getStatus());
        assertEquals(ReservationStatus.PAID, as.createReservation(booking(UUID.randomUUID().toString(), rt,
                start.plusDays(3), start.plusDays(4), 6, "", "tok_visa")).getReservation().getStatus());
        assertEquals(ReservationStatus.PAID, as.createReservation(booking(UUID.randomUUID().toString(), other,
                start, start.plusDays(1), 9, "", "tok_visa")).getReservation().getStatus());
    }

    @Test
    void tenConcurrentHoldsOfOneGuestAtTenHotelsLeaveExactlyThree() throws Exception {
        String guest = "burst-" + UUID.randomUUID();
        LocalDate start = utcToday().plusDays(60);
        List<RoomTypeRef> hotels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            hotels.add(roomType(5));
        }
        ExecutorService callers = Executors.newFixedThreadPool(10);
        List<Future<ReservationStatus>> answers = new ArrayList<>();
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (RoomTypeRef rt : hotels) {
                String id = UUID.randomUUID().toString();
                answers.add(callers.submit(() -> {
                    go.await();
                    try {
                        return asGuest(guest).createReservation(booking(id, rt, start, start.plusDays(1), 1, "",
                                "tok_pending")).getReservation().getStatus();
                    } catch (io.grpc.StatusRuntimeException refused) {
                        assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode(),
                                refused.getStatus().getDescription());
                        return null;
                    }
                }));
            }
            go.countDown();
            int held = 0;
            for (Future<ReservationStatus> answer : answers) {
                if (answer.get(30, TimeUnit.SECONDS) == ReservationStatus.PENDING) {
                    held++;
                }
            }
            assertEquals(3, held, "exactly the guest's three unpaid holds, however the bookings raced");
        } finally {
            callers.shutdownNow();
        }
        List<String> stored = queryIds("SELECT reservation_id FROM reservation WHERE guest_id = ?", guest);
        assertEquals(3, stored.size());
        holds.addAll(stored);
        for (RoomTypeRef rt : hotels) {
            assertEquals(activeRooms(rt, start), totalReserved(rt, start));
        }
    }

    @Test
    void aGuestChangingTheirStayIsHeldToTheRoomsPerNightButNotCountedTwice() {
        RoomTypeRef rt = roomType(30);
        LocalDate start = utcToday().plusDays(40);
        ReservationServiceBlockingStub guest = asGuest("changer");
        String five = UUID.randomUUID().toString();
        String four = UUID.randomUUID().toString();
        guest.createReservation(booking(five, rt, start, start.plusDays(2), 5, "", "tok_visa"));
        guest.createReservation(booking(four, rt, start, start.plusDays(2), 4, "", "tok_visa"));

        // its own four rooms are not counted twice: 5 + 5 = 10 is within the limit
        guest.changeStay(org.hotelmesh.proto.reservation.v1.ChangeStayRequest.newBuilder().setReservationId(four)
                .setChangeId("grow-" + four.substring(0, 8)).setRooms(5).setPaymentToken("tok_visa").build());
        assertStatus(Status.Code.RESOURCE_EXHAUSTED, null, () -> guest.changeStay(
                org.hotelmesh.proto.reservation.v1.ChangeStayRequest.newBuilder().setReservationId(four)
                        .setChangeId("more-" + four.substring(0, 8)).setRooms(6).setPaymentToken("tok_visa").build()));
        assertEquals(10, totalReserved(rt, start));
        assertEquals(5, queryInt("SELECT rooms FROM reservation WHERE reservation_id = ?", four));
        // the hotel's staff are not held to it
        ReservationServiceGrpc.newBlockingStub(TestIdentities.asEdgeFor(CHANNEL, TestIdentities.staff(rt.hotelId())))
                .changeStay(org.hotelmesh.proto.reservation.v1.ChangeStayRequest.newBuilder().setReservationId(four)
                        .setChangeId("desk-" + four.substring(0, 8)).setRooms(7).setPaymentToken("tok_visa").build());
        assertEquals(12, totalReserved(rt, start));
    }
}
