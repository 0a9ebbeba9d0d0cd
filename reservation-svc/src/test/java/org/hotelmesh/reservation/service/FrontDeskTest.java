package org.hotelmesh.reservation.service;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.reservation.v1.CheckInRequest;
import org.hotelmesh.proto.reservation.v1.CheckOutRequest;
import org.hotelmesh.proto.reservation.v1.CheckOutResponse;
import org.hotelmesh.proto.reservation.v1.GetFrontDeskRequest;
import org.hotelmesh.proto.reservation.v1.GetFrontDeskResponse;
import org.hotelmesh.proto.reservation.v1.ListFreeRoomsRequest;
import org.hotelmesh.proto.reservation.v1.MoveRoomRequest;
import org.hotelmesh.proto.reservation.v1.Reservation;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.proto.reservation.v1.RoomAssignment;
import org.hotelmesh.reservation.Fixtures;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.SagaTestBase;
import org.hotelmesh.reservation.ScriptedPaymentService;
import org.hotelmesh.reservation.TravelClock;
import org.hotelmesh.support.catalog.HotelClient.RoomInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The front desk on the real stores: rooms assigned at check-in (never one room to two stays, never a room out of
 * service), room moves, check-out on the day and early (exactly the unused nights released and refunded), and the
 * no-show job. The invariant "inventory equals the rooms the stays keep" after each.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class FrontDeskTest extends SagaTestBase {

    private static final long NIGHT = Fixtures.NIGHT_PRICE;

    @AfterEach
    void backToToday() {
        TravelClock.reset();
    }

    private Reservation bookPaid(RoomTypeRef rt, String id, LocalDate start, int nights, int rooms) {
        Reservation paid = reservations.createReservation(booking(id, rt, start, start.plusDays(nights), rooms,
                "guest-" + id, "tok_visa")).getReservation();
        assertEquals(ReservationStatus.PAID, paid.getStatus());
        return paid;
    }

    private Reservation checkIn(String id, long... roomIds) {
        CheckInRequest.Builder request = CheckInRequest.newBuilder().setReservationId(id);
        for (long room : roomIds) {
            request.addRoomIds(room);
        }
        return reservations.checkIn(request.build()).getReservation();
    }

    private CheckOutResponse checkOut(String id) {
        return reservations.checkOut(CheckOutRequest.newBuilder().setReservationId(id).build());
    }

    private void assertInvariantsFrom(RoomTypeRef rt, LocalDate start, int nights) {
        for (int i = 0; i < nights; i++) {
            assertInvariants(rt, start.plusDays(i));
        }
        assertEquals(0, queryInt("SELECT count(*) FROM (SELECT a.id FROM room_assignment a JOIN room_assignment b"
                + " ON a.hotel_id = b.hotel_id AND a.room_id = b.room_id AND a.id < b.id AND a.nights && b.nights"
                + " WHERE a.hotel_id = ?) AS doubled", rt.hotelId()), "no room has two stays on one night");
    }

    @Test
    void twentyDesksCheckingInAtOnceIntoTenFreeRoomsGetTenDistinctRoomsAndTenRefusals() throws Exception {
        RoomTypeRef rt = roomType(20);
        List<RoomInfo> rooms = Fixtures.rooms(rt, 10, 3);
        Set<Long> outOfOrder = Set.of(rooms.get(10).id(), rooms.get(11).id(), rooms.get(12).id());
        LocalDate today = utcToday();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = "desk20-" + i + "-" + rt.roomTypeId();
            bookPaid(rt, id, today, 2, 1);
            ids.add(id);
        }

        ExecutorService desks = Executors.newFixedThreadPool(20);
        List<Future<Status.Code>> outcomes = new ArrayList<>();
        try {
            for (String id : ids) {
                Callable<Status.Code> desk = () -> {
                    try {
                        checkIn(id);
                        return Status.Code.OK;
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode();
                    }
                };
                outcomes.add(desks.submit(desk));
            }
            int ok = 0;
            int refused = 0;
            for (Future<Status.Code> outcome : outcomes) {
                Status.Code code = outcome.get();
                if (code == Status.Code.OK) {
                    ok++;
                } else if (code == Status.Code.FAILED_PRECONDITION) {
                    refused++;
                } else {
                    throw new AssertionError("a check-in answered " + code);
                }
            }
            assertEquals(10, ok);
            assertEquals(10, refused);
        } finally {
            desks.shutdownNow();
        }
        List<String> assigned = queryIds("SELECT room_id::text FROM room_assignment WHERE hotel_id = ?", rt.hotelId());
        assertEquals(10, assigned.size());
        assertEquals(10, new HashSet<>(assigned).size(), "ten distinct rooms");
        assigned.forEach(room -> assertFalse(outOfOrder.contains(Long.parseLong(room)), "room out of service given"));
        assertEquals(10, queryInt("SELECT count(*) FROM reservation WHERE hotel_id = ? AND status = 'checked_in'",
                rt.hotelId()));
        assertEquals(10, queryInt("SELECT count(*) FROM reservation r JOIN reservation_status_change c USING"
                + " (reservation_id) WHERE r.hotel_id = ? AND c.status = 'checked_in'", rt.hotelId()));
        assertInvariantsFrom(rt, today, 2);
    }

    @Test
    void theDatabaseItselfRefusesOneRoomForTwoStaysOnANight() {
        RoomTypeRef rt = roomType(5);
        LocalDate today = utcToday();
        String a = "dbguard-a-" + rt.roomTypeId();
        String b = "dbguard-b-" + rt.roomTypeId();
        bookPaid(rt, a, today.plusDays(3), 3, 1);
        bookPaid(rt, b, today.plusDays(3), 3, 1);
        String insert = "INSERT INTO room_assignment (reservation_id, hotel_id, room_id, room_number, from_night,"
                + " to_night, assigned_by) VALUES (?, ?, 777, '777', ?, ?, 'test')";
        assertDoesNotFail(() -> execute(insert, a, rt.hotelId(), today.plusDays(3), today.plusDays(6)));
        SQLException refused = assertThrows(SQLException.class,
                () -> execute(insert, b, rt.hotelId(), today.plusDays(5), today.plusDays(7)));
        assertEquals("23P01", refused.getSQLState());
        // the night after the first stay ends is free again: half-open ranges meet without overlapping
        assertDoesNotFail(() -> execute(insert, b, rt.hotelId(), today.plusDays(6), today.plusDays(8)));
    }

    @Test
    void theDatabaseKeepsTheStatusMachineWhateverTheCodeDoes() {
        RoomTypeRef rt = roomType(5);
        String id = "machine-" + rt.roomTypeId();
        bookPaid(rt, id, utcToday().plusDays(3), 2, 1);
        for (String skip : List.of("checked_out", "pending", "canceled")) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> execute("UPDATE reservation SET status = ? WHERE reservation_id = ?", skip, id));
            assertEquals("23514", refused.getSQLState(), "paid -> " + skip);
        }
        SQLException noRelease = assertThrows(SQLException.class, () -> execute("UPDATE reservation SET status ="
                + " 'no_show' WHERE reservation_id = ?", id));
        assertEquals("23514", noRelease.getSQLState(), "a no-show says which nights it gave back");
        assertEquals(ReservationStatus.PAID, get(id).getStatus());
    }

    private interface Sql {
        void run() throws SQLException;
    }

    private static void assertDoesNotFail(Sql sql) {
        try {
            sql.run();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aRoomTheDeskPicksIsCheckedAndOneJustTakenIsAborted() {
        RoomTypeRef rt = roomType(5);
        List<RoomInfo> rooms = Fixtures.rooms(rt, 2, 1);
        LocalDate today = utcToday();
        String first = "pick-1-" + rt.roomTypeId();
        String second = "pick-2-" + rt.roomTypeId();
        bookPaid(rt, first, today, 2, 1);
        bookPaid(rt, second, today, 1, 1);

        Reservation in = checkIn(first, rooms.get(1).id());
        assertEquals(ReservationStatus.CHECKED_IN, in.getStatus());
        assertEquals("102", in.getRoomAssignments(0).getRoomNumber());
        assertEquals(in, checkIn(first), "checking in again answers the stay unchanged");

        assertStatus(Status.Code.ABORTED, "room 102 is taken on a night from " + today + " to " + today.plusDays(1)
                + "; pick another room", () -> checkIn(second, rooms.get(1).id()));
        assertStatus(Status.Code.INVALID_ARGUMENT, null, () -> checkIn(second, rooms.get(2).id())); // out of service
        assertStatus(Status.Code.INVALID_ARGUMENT, null, () -> checkIn(second, rooms.get(0).id(), rooms.get(1).id()));
        assertEquals(List.of(rooms.get(0).id()), reservations.listFreeRooms(ListFreeRoomsRequest.newBuilder()
                .setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId()).setNights(Fixtures.range(today,
                        today.plusDays(1))).build()).getRoomsList().stream().map(r -> r.getRoomId()).toList());
        RoomTypeRef elsewhere = roomType(1);
        assertStatus(Status.Code.NOT_FOUND, null, () -> reservations.listFreeRooms(ListFreeRoomsRequest.newBuilder()
                .setHotelId(rt.hotelId()).setRoomTypeId(elsewhere.roomTypeId()).setNights(Fixtures.range(today,
                        today.plusDays(1))).build()));
        assertEquals("101", checkIn(second).getRoomAssignments(0).getRoomNumber());
        assertEquals(2, queryInt("SELECT count(*) FROM room_assignment WHERE hotel_id = ?", rt.hotelId()));
    }

    @Test
    void checkInOpensOnTheArrivalDayAndOnlyForAPaidStay() {
        RoomTypeRef rt = roomType(5);
        Fixtures.rooms(rt, 3, 0);
        LocalDate tomorrow = utcToday().plusDays(1);
        String early = "early-" + rt.roomTypeId();
        bookPaid(rt, early, tomorrow, 2, 1);
        assertStatus(Status.Code.FAILED_PRECONDITION, "reservation " + early + " arrives on " + tomorrow
                + " (hotel time): check-in opens that day", () -> checkIn(early));

        String unpaid = "unpaid-" + rt.roomTypeId();
        reservations.createReservation(booking(unpaid, rt, utcToday(), tomorrow, 1, "guest-unpaid"));
        assertStatus(Status.Code.FAILED_PRECONDITION, "reservation " + unpaid + " is pending: only a paid"
                + " reservation can be checked in", () -> checkIn(unpaid));
        assertEquals(0, queryInt("SELECT count(*) FROM room_assignment WHERE hotel_id = ?", rt.hotelId()));
    }

    @Test
    void anEarlyDepartureReleasesAndRefundsExactlyTheNightsNotStayed() {
        RoomTypeRef rt = roomType(5);
        Fixtures.rooms(rt, 3, 0);
        LocalDate start = utcToday();
        String id = "leaver-" + rt.roomTypeId();
        bookPaid(rt, id, start, 4, 2);
        checkIn(id);
        assertEquals(2, totalReserved(rt, start.plusDays(3)));

        TravelClock.travel(Duration.ofDays(2)); // today = start + 2: two nights stayed, two not
        CheckOutResponse out = checkOut(id);

        assertEquals(ReservationStatus.CHECKED_OUT, out.getReservation().getStatus());
        assertEquals(2 * 2 * NIGHT, out.getRefund().getAmountMinor());
        assertEquals(Fixtures.date(start.plusDays(2)), out.getReservation().getReleasedFrom());
        assertEquals(2, totalReserved(rt, start), "nights stayed stay sold");
        assertEquals(2, totalReserved(rt, start.plusDays(1)));
        assertEquals(0, totalReserved(rt, start.plusDays(2)), "nights not stayed are back on sale");
        assertEquals(0, totalReserved(rt, start.plusDays(3)));
        for (RoomAssignment room : out.getReservation().getRoomAssignmentsList()) {
            assertEquals(Fixtures.date(start.plusDays(2)), room.getNights().getEndDate(), "rooms freed from today");
        }
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertEquals(2 * 2 * NIGHT, ScriptedPaymentService.refunded(id, ""));

        assertEquals(out, checkOut(id), "checking out again answers the same");
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertInvariantsFrom(rt, start, 4);
    }

    @Test
    void aCheckOutOnTheDepartureDayGivesNothingBack() {
        RoomTypeRef rt = roomType(5);
        Fixtures.rooms(rt, 1, 0);
        LocalDate start = utcToday();
        String id = "stayer-" + rt.roomTypeId();
        bookPaid(rt, id, start, 1, 1);
        checkIn(id);
        TravelClock.travel(Duration.ofDays(1));

        CheckOutResponse out = checkOut(id);

        assertEquals(ReservationStatus.CHECKED_OUT, out.getReservation().getStatus());
        assertEquals(0, out.getRefund().getAmountMinor());
        assertEquals(1, totalReserved(rt, start));
        assertEquals(0, ScriptedPaymentService.refunds(id));
        assertEquals(List.of(ReservationStatus.PENDING, ReservationStatus.PAID, ReservationStatus.CHECKED_IN,
                ReservationStatus.CHECKED_OUT), out.getReservation().getHistoryList().stream()
                .map(c -> c.getStatus()).toList());
        out.getReservation().getHistoryList().forEach(c -> assertFalse(c.getBy().isEmpty(), "who made " + c));
        assertInvariantsFrom(rt, start, 1);
    }

    @Test
    void theNoShowJobRunTwiceAtOnceMarksOnceChargesTheArrivalNightAndReleasesTheRest() throws Exception {
        RoomTypeRef rt = roomType(5);
        LocalDate start = utcToday();
        String id = "noshow-" + rt.roomTypeId();
        bookPaid(rt, id, start, 3, 1);
        String stillArriving = "arriving-" + rt.roomTypeId();
        bookPaid(rt, stillArriving, start.plusDays(1), 1, 1);
        TravelClock.travel(Duration.ofDays(1)); // the arrival day has ended

        ExecutorService both = Executors.newFixedThreadPool(2);
        try {
            // other tests' paid stays may be due too: what proves "once" is this stay's history and refunds below
            Future<Integer> a = both.submit(() -> jobs.noShows().await().atMost(Duration.ofSeconds(30)));
            Future<Integer> b = both.submit(() -> jobs.noShows().await().atMost(Duration.ofSeconds(30)));
            assertTrue(a.get() + b.get() >= 1);
        } finally {
            both.shutdownNow();
        }

        Reservation r = get(id);
        assertEquals(ReservationStatus.NO_SHOW, r.getStatus());
        assertEquals(1, queryInt("SELECT count(*) FROM reservation_status_change WHERE reservation_id = ?"
                + " AND status = 'no_show'", id));
        assertEquals("system:no-show", r.getHistory(r.getHistoryCount() - 1).getBy());
        assertEquals(2 * NIGHT, r.getPayment().getRefund().getAmountMinor(), "the nights after the arrival night");
        assertEquals(1, totalReserved(rt, start), "the arrival night is kept");
        assertEquals(1, totalReserved(rt, start.plusDays(1)), "only the other stay's room");
        assertEquals(0, totalReserved(rt, start.plusDays(2)));
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertEquals(ReservationStatus.PAID, get(stillArriving).getStatus(), "its arrival day is today");
        jobs.noShows().await().atMost(Duration.ofSeconds(30));
        assertEquals(1, queryInt("SELECT count(*) FROM reservation_status_change WHERE reservation_id = ?"
                + " AND status = 'no_show'", id), "a later pass marks nothing again");
        assertEquals(1, ScriptedPaymentService.refunds(id));
        assertInvariantsFrom(rt, start, 3);
    }

    @Test
    void aGuestMovesRoomFromTodayAndARoomTakenOutOfServiceIsFlaggedAtTheDesk() {
        RoomTypeRef rt = roomType(5);
        List<RoomInfo> rooms = Fixtures.rooms(rt, 2, 0);
        LocalDate start = utcToday();
        String id = "mover-" + rt.roomTypeId();
        bookPaid(rt, id, start, 3, 1);
        checkIn(id, rooms.get(0).id());

        Fixtures.outOfService(rt, rooms.get(0).id());
        GetFrontDeskResponse desk = reservations.getFrontDesk(GetFrontDeskRequest.newBuilder()
                .setHotelId(rt.hotelId()).build());
        assertEquals(Fixtures.date(start), desk.getDate());
        assertEquals(List.of(id), desk.getInHouseList().stream().map(Reservation::getReservationId).toList());
        assertEquals(List.of(id), desk.getCheckedInTodayList().stream().map(Reservation::getReservationId).toList());
        assertTrue(desk.getInHouse(0).getRoomAssignments(0).getOutOfService(), "room 101 flagged");

        TravelClock.travel(Duration.ofDays(1));
        Reservation moved = reservations.moveRoom(MoveRoomRequest.newBuilder().setReservationId(id)
                .setFromRoomId(rooms.get(0).id()).build()).getReservation();

        assertEquals(2, moved.getRoomAssignmentsCount());
        assertEquals("101", moved.getRoomAssignments(0).getRoomNumber());
        assertEquals(Fixtures.range(start, start.plusDays(1)), moved.getRoomAssignments(0).getNights());
        assertEquals("102", moved.getRoomAssignments(1).getRoomNumber());
        assertEquals(Fixtures.range(start.plusDays(1), start.plusDays(3)), moved.getRoomAssignments(1).getNights());
        GetFrontDeskResponse later = reservations.getFrontDesk(GetFrontDeskRequest.newBuilder()
                .setHotelId(rt.hotelId()).build());
        assertFalse(later.getInHouse(0).getRoomAssignmentsList().stream().anyMatch(RoomAssignment::getOutOfService),
                "the room it left is history");
        assertInvariantsFrom(rt, start, 3);
    }
}
