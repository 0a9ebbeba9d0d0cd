package org.hotelmesh.reservation.service;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.common.v1.PageRequest;
import org.hotelmesh.proto.reservation.v1.CancelReservationRequest;
import org.hotelmesh.proto.reservation.v1.GetReservationRequest;
import org.hotelmesh.proto.reservation.v1.HasFutureReservationsRequest;
import org.hotelmesh.proto.reservation.v1.ListHotelReservationsRequest;
import org.hotelmesh.proto.reservation.v1.ListReservationsRequest;
import org.hotelmesh.proto.reservation.v1.ListReservationsResponse;
import org.hotelmesh.proto.reservation.v1.PreviewCancellationRequest;
import org.hotelmesh.proto.reservation.v1.PreviewCancellationResponse;
import org.hotelmesh.proto.reservation.v1.Reservation;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.proto.reservation.v1.TimeFilter;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.ReservationTestBase;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class CancelAndReadTest extends ReservationTestBase {

    private Reservation cancel(String id) {
        return reservations.cancelReservation(CancelReservationRequest.newBuilder().setReservationId(id)
                .setRequestedBy("guest-x").build()).getReservation();
    }

    @Test
    void twentyConcurrentCancelsReleaseTheInventoryExactlyOnce() throws Exception {
        RoomTypeRef rt = roomType(10);
        LocalDate start = utcToday().plusDays(30);
        String a = "cancel-a-" + rt.roomTypeId();
        reservations.createReservation(booking(a, rt, start, start.plusDays(2), 2, "guest-x"));
        reservations.createReservation(booking("cancel-b-" + rt.roomTypeId(), rt, start, start.plusDays(2), 1, "y"));
        assertEquals(3, totalReserved(rt, start));

        ExecutorService threads = Executors.newFixedThreadPool(20);
        List<Callable<Reservation>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> cancel(a));
        }
        List<Reservation> answers = new ArrayList<>();
        for (Future<Reservation> f : threads.invokeAll(calls)) {
            answers.add(f.get());
        }
        threads.shutdown();

        answers.forEach(r -> assertEquals(ReservationStatus.CANCELED, r.getStatus()));
        assertEquals(1, answers.stream().distinct().count());
        assertEquals(1, totalReserved(rt, start));
        assertEquals(1, totalReserved(rt, start.plusDays(1)));
        assertEquals(1, activeRooms(rt, start));
        assertEquals(1, queryInt("SELECT count(*) FROM reservation_status_change WHERE reservation_id = ?"
                + " AND status = 'canceled'", a));
        assertEquals(List.of(ReservationStatus.PENDING, ReservationStatus.CANCELED),
                answers.get(0).getHistoryList().stream().map(h -> h.getStatus()).toList());
    }

    @Test
    void cancelOfUnknownIsNotFoundAndOfRejectedIsFailedPrecondition() throws SQLException {
        RoomTypeRef rt = roomType(10);
        LocalDate start = utcToday().plusDays(31);
        assertStatus(Status.Code.NOT_FOUND, "reservation nope-1 not found", () -> cancel("nope-1"));

        String rejected = "rej-" + rt.roomTypeId();
        reservations.createReservation(booking(rejected, rt, start, start.plusDays(1), 1, "g"));
        execute("UPDATE reservation SET status = 'rejected' WHERE reservation_id = ?", rejected);
        assertStatus(Status.Code.FAILED_PRECONDITION,
                "reservation " + rejected + " is rejected and cannot become canceled", () -> cancel(rejected));

        // rejected (here by hand, so nothing released) stays as it is: cancel releases nothing
        assertEquals(1, totalReserved(rt, start));
    }

    @Test
    void previewOfAPendingReservationIsFreeAndGetReturnsWhatCreateReturned() {
        RoomTypeRef rt = roomType(3);
        LocalDate start = utcToday().plusDays(32);
        String id = "preview-" + rt.roomTypeId();
        Reservation created = reservations.createReservation(booking(id, rt, start, start.plusDays(3), 1, "g"))
                .getReservation();

        assertEquals(created, reservations.getReservation(GetReservationRequest.newBuilder().setReservationId(id)
                .build()).getReservation());
        PreviewCancellationResponse preview = reservations.previewCancellation(PreviewCancellationRequest
                .newBuilder().setReservationId(id).build());
        assertEquals(0, preview.getRefund().getAmountMinor());
        assertEquals(0, preview.getFee().getAmountMinor());
        assertEquals("free: the payment has not been taken; if it completes after all, it is refunded in full",
                preview.getPolicy());

        Reservation canceled = cancel(id);
        assertEquals(canceled, cancel(id)); // a second cancel returns it unchanged
        assertStatus(Status.Code.FAILED_PRECONDITION,
                "reservation " + id + " is already canceled and cannot be canceled",
                () -> reservations.previewCancellation(PreviewCancellationRequest.newBuilder().setReservationId(id)
                        .build()));
    }

    @Test
    void guestListsArePagedByArrivalAndFilteredByTime() throws SQLException {
        RoomTypeRef rt = roomType(10);
        String guest = "lister-" + rt.roomTypeId();
        LocalDate base = utcToday().plusDays(20);
        for (int i = 0; i < 3; i++) {
            reservations.createReservation(booking("list-" + rt.roomTypeId() + "-" + i, rt, base.plusDays(2 - i),
                    base.plusDays(3 - i), 1, guest));
        }
        // a stay that is over (inserted directly: bookings in the past are refused)
        execute("INSERT INTO reservation (reservation_id, hotel_id, room_type_id, start_date, end_date, rooms,"
                + " guest_id, status, request_hash, booked_by) VALUES (?, ?, ?, ?, ?, 1, ?, 'pending', ?, ?)",
                "list-old-" + rt.roomTypeId(), rt.hotelId(), rt.roomTypeId(), base.minusDays(60), base.minusDays(58),
                guest, "0".repeat(64), guest);

        ListReservationsResponse first = reservations.listReservations(ListReservationsRequest.newBuilder()
                .setGuestId(guest).setWhen(TimeFilter.UPCOMING).setPage(PageRequest.newBuilder().setPageSize(2))
                .build());
        assertEquals(List.of("list-" + rt.roomTypeId() + "-2", "list-" + rt.roomTypeId() + "-1"),
                first.getReservationsList().stream().map(Reservation::getReservationId).toList());
        assertEquals(3, first.getPage().getTotalSize());
        ListReservationsResponse second = reservations.listReservations(ListReservationsRequest.newBuilder()
                .setGuestId(guest).setWhen(TimeFilter.UPCOMING).setPage(PageRequest.newBuilder().setPageSize(2)
                        .setPageToken(first.getPage().getNextPageToken())).build());
        assertEquals(List.of("list-" + rt.roomTypeId() + "-0"),
                second.getReservationsList().stream().map(Reservation::getReservationId).toList());
        assertEquals("", second.getPage().getNextPageToken());

        ListReservationsResponse past = reservations.listReservations(ListReservationsRequest.newBuilder()
                .setGuestId(guest).setWhen(TimeFilter.PAST).build());
        assertEquals(List.of("list-old-" + rt.roomTypeId()),
                past.getReservationsList().stream().map(Reservation::getReservationId).toList());
        assertEquals(4, reservations.listHotelReservations(ListHotelReservationsRequest.newBuilder()
                .setHotelId(rt.hotelId()).build()).getPage().getTotalSize());
    }

    @Test
    void hasFutureReservationsUntilTheLastActiveOneIsCancelled() {
        RoomTypeRef rt = roomType(10);
        HasFutureReservationsRequest ask = HasFutureReservationsRequest.newBuilder().setHotelId(rt.hotelId()).build();
        assertFalse(reservations.hasFutureReservations(ask).getHasFutureReservations());
        String id = "future-" + rt.roomTypeId();
        LocalDate start = utcToday().plusDays(3);
        reservations.createReservation(booking(id, rt, start, start.plusDays(1), 1, "g"));
        assertTrue(reservations.hasFutureReservations(ask).getHasFutureReservations());
        cancel(id);
        assertFalse(reservations.hasFutureReservations(ask).getHasFutureReservations());
    }

    @Test
    void theDatabaseRefusesTransitionsOutsideTheStateMachine() throws SQLException {
        RoomTypeRef rt = roomType(10);
        LocalDate start = utcToday().plusDays(33);
        String id = "sm-" + rt.roomTypeId();
        reservations.createReservation(booking(id, rt, start, start.plusDays(1), 1, "g"));

        SQLException uncaptured = assertThrows(SQLException.class,
                () -> execute("UPDATE reservation SET status = 'paid' WHERE reservation_id = ?", id));
        assertEquals("23514", uncaptured.getSQLState()); // paid means captured
        assertEquals(1, execute("UPDATE reservation SET status = 'paid', payment_state = 'captured'"
                + " WHERE reservation_id = ?", id));
        SQLException back = assertThrows(SQLException.class,
                () -> execute("UPDATE reservation SET status = 'pending' WHERE reservation_id = ?", id));
        assertEquals("23514", back.getSQLState());
        assertThrows(SQLException.class,
                () -> execute("UPDATE reservation SET status = 'canceled' WHERE reservation_id = ?", id));
        assertEquals(1, execute("UPDATE reservation SET status = 'refunded' WHERE reservation_id = ?", id));
        SQLException born = assertThrows(SQLException.class, () -> execute("INSERT INTO reservation (reservation_id,"
                + " hotel_id, room_type_id, start_date, end_date, rooms, guest_id, status, request_hash)"
                + " VALUES ('born-paid', 1, 1, ?, ?, 1, 'g', 'paid', ?)", start, start.plusDays(1), "0".repeat(64)));
        assertEquals("23514", born.getSQLState());
    }
}
