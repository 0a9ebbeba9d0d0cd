package org.hotelmesh.reservation.service;

import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.reservation.v1.CancelReservationRequest;
import org.hotelmesh.proto.reservation.v1.CheckInRequest;
import org.hotelmesh.proto.reservation.v1.CheckOutRequest;
import org.hotelmesh.proto.reservation.v1.ListHotelReservationsRequest;
import org.hotelmesh.proto.reservation.v1.ListReservationsRequest;
import org.hotelmesh.proto.reservation.v1.Reservation;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.proto.reservation.v1.TimeFilter;
import org.hotelmesh.reservation.Fixtures;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.SagaTestBase;
import org.hotelmesh.reservation.ScriptedPaymentService;
import org.hotelmesh.reservation.TravelClock;
import org.hotelmesh.reservation.service.Archiver.Moved;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * Archival on the real stores: final stays that departed more than 90 days ago and passed inventory nights leave the
 * hot tables (the test profile moves 5 rows a batch, so every run here takes several batches), nothing is lost or
 * doubled (hot + archive counts equal before and after, two replicas at once), what is still open stays hot, and
 * archived reservations are still read by id and in lists. A database of its own: archiving moves every hotel's passed
 * nights, which the other test classes still book on.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_archive_test"),
        @ResourceArg(name = "redisDatabase", value = "5") })
class ArchiveTest extends SagaTestBase {

    private static final List<String> ARCHIVED_TABLES = List.of("reservation", "reservation_status_change",
            "room_assignment", "reservation_change", "room_type_inventory");

    @Inject
    Archiver archiver;

    @AfterEach
    void backToToday() {
        TravelClock.reset();
        ScriptedPaymentService.refundsPending.set(false);
    }

    private Reservation book(RoomTypeRef rt, String id, LocalDate start, int nights, String token) {
        return reservations.createReservation(booking(id, rt, start, start.plusDays(nights), 1, "guest-" + id, token))
                .getReservation();
    }

    /** Rows of each archived table, hot and archived, counted in one statement (one snapshot). */
    private Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String table : ARCHIVED_TABLES) {
            counts.put(table, queryInt("SELECT (SELECT count(*) FROM public." + table + ") + (SELECT count(*) FROM"
                    + " archive." + table + ")"));
        }
        return counts;
    }

    private boolean archived(String id) {
        int hot = queryInt("SELECT count(*) FROM reservation WHERE reservation_id = ?", id);
        int cold = queryInt("SELECT count(*) FROM archive.reservation WHERE reservation_id = ?", id);
        assertEquals(1, hot + cold, id + " is in exactly one place");
        return cold == 1;
    }

    @Test
    void staysEndedLongAgoAndPassedNightsMoveWholeAndAreStillRead() {
        RoomTypeRef rt = roomType(10);
        LocalDate today = utcToday();
        // a stay checked in and out, one canceled (refunded), one the card declined, one far in the future
        String stayed = "arch-stayed-" + rt.roomTypeId();
        book(rt, stayed, today, 2, "tok_visa");
        Fixtures.rooms(rt, 10, 0);
        reservations.checkIn(CheckInRequest.newBuilder().setReservationId(stayed).build());
        TravelClock.travel(Duration.ofDays(2));
        reservations.checkOut(CheckOutRequest.newBuilder().setReservationId(stayed).build());
        TravelClock.reset();
        String canceled = "arch-canceled-" + rt.roomTypeId();
        book(rt, canceled, today.plusDays(5), 3, "tok_visa");
        reservations.cancelReservation(CancelReservationRequest.newBuilder().setReservationId(canceled)
                .setWaiveFee(true).build());
        String declined = "arch-declined-" + rt.roomTypeId();
        assertEquals(ReservationStatus.REJECTED, book(rt, declined, today.plusDays(1), 1, "tok_chargeDeclined")
                .getStatus());
        String future = "arch-future-" + rt.roomTypeId();
        book(rt, future, today.plusDays(200), 2, "tok_visa");
        Reservation stayedBefore = get(stayed);
        Map<String, Integer> before = counts();

        // 100 days on, the first three departed more than 90 days ago; the fourth has not arrived yet
        TravelClock.travel(Duration.ofDays(100));
        Moved moved = archiver.run().await().indefinitely();

        assertTrue(moved.stays() >= 3, "at least this test's three stays moved: " + moved);
        assertTrue(archived(stayed) && archived(canceled) && archived(declined));
        assertTrue(!archived(future), "a future stay stays hot");
        assertEquals(before, counts(), "nothing lost, nothing doubled");
        assertEquals(0, queryInt("SELECT count(*) FROM reservation_status_change WHERE reservation_id = ?", stayed));
        assertEquals(0, queryInt("SELECT count(*) FROM room_assignment WHERE reservation_id = ?", stayed));
        // the service's own cut: nights before the earliest today anywhere (UTC-12), 100 days on
        LocalDate passedEverywhere = LocalDate.now(ZoneOffset.ofHours(-12)).plusDays(100);
        assertEquals(0, queryInt("SELECT count(*) FROM room_type_inventory WHERE hotel_id = ? AND night < ?",
                rt.hotelId(), passedEverywhere), "every passed night left the hot table");
        assertEquals(passedEverywhere.toEpochDay() - today.toEpochDay(), queryInt("SELECT count(*) FROM"
                + " archive.room_type_inventory WHERE hotel_id = ?", rt.hotelId()), "and is in the archive");
        assertEquals(2, queryInt("SELECT sum(total_reserved) FROM archive.room_type_inventory WHERE hotel_id = ?",
                rt.hotelId()), "the archived nights keep what they sold: the two nights stayed");

        // still read: by id with its whole history and rooms, and in the guest's and the hotel's lists
        assertEquals(stayedBefore, get(stayed));
        assertEquals(List.of(stayed), reservations.listReservations(ListReservationsRequest.newBuilder()
                .setGuestId("guest-" + stayed).setWhen(TimeFilter.PAST).build()).getReservationsList().stream()
                .map(Reservation::getReservationId).toList());
        assertEquals(List.of(stayed, declined, canceled, future), reservations.listHotelReservations(
                ListHotelReservationsRequest.newBuilder().setHotelId(rt.hotelId()).build()).getReservationsList()
                .stream().map(Reservation::getReservationId).toList(), "by arrival, archived and hot together");

        // a second run finds nothing more of this test's
        archiver.run().await().indefinitely();
        assertEquals(before, counts());
    }

    @Test
    void whatIsStillOpenStaysHot() {
        RoomTypeRef rt = roomType(10);
        LocalDate today = utcToday();
        // a hold whose charge never ends keeps its nights; a refund not yet confirmed keeps its stay
        String holding = "arch-holding-" + rt.roomTypeId();
        assertEquals(ReservationStatus.PENDING, book(rt, holding, today.plusDays(3), 2, "tok_pending").getStatus());
        String owed = "arch-owed-" + rt.roomTypeId();
        book(rt, owed, today.plusDays(1), 1, "tok_visa");
        ScriptedPaymentService.refundsPending.set(true);
        reservations.cancelReservation(CancelReservationRequest.newBuilder().setReservationId(owed).setWaiveFee(true)
                .build());
        Map<String, Integer> before = counts();

        TravelClock.travel(Duration.ofDays(100));
        archiver.run().await().indefinitely();

        assertTrue(!archived(holding) && !archived(owed));
        assertEquals(List.of(today.plusDays(3), today.plusDays(4)).stream().map(LocalDate::toString).toList(),
                queryIds("SELECT night::text FROM room_type_inventory WHERE hotel_id = ? AND night < ? ORDER BY night",
                        rt.hotelId(), utcToday().plusDays(99)), "only the held nights stay hot");
        assertEquals(before, counts());

        // the refund confirmed, the stay is final and goes the next time
        ScriptedPaymentService.refundsPending.set(false);
        TravelClock.reset();
        jobs.recover().await().indefinitely();
        TravelClock.travel(Duration.ofDays(100));
        archiver.run().await().indefinitely();
        assertTrue(archived(owed));
        assertEquals(before, counts());
    }

    @Test
    void replicasArchivingAtOnceMoveEveryRowOnce() {
        RoomTypeRef rt = roomType(40);
        LocalDate today = utcToday();
        for (int i = 0; i < 30; i++) {
            String id = "arch-race-" + i + "-" + rt.roomTypeId();
            book(rt, id, today.plusDays(i % 7), 1 + i % 3, "tok_visa");
            reservations.cancelReservation(CancelReservationRequest.newBuilder().setReservationId(id)
                    .setWaiveFee(true).build());
        }
        Map<String, Integer> before = counts();

        TravelClock.travel(Duration.ofDays(120));
        List<Moved> runs = Uni.join().all(archiver.run(), archiver.run(), archiver.run()).andFailFast()
                .await().indefinitely();

        assertTrue(runs.stream().mapToInt(Moved::stays).sum() >= 30, "every stay moved by one of them: " + runs);
        assertEquals(30, queryInt("SELECT count(*) FROM archive.reservation WHERE hotel_id = ?", rt.hotelId()));
        assertEquals(0, queryInt("SELECT count(*) FROM reservation WHERE hotel_id = ?", rt.hotelId()));
        assertEquals(before, counts(), "nothing lost, nothing doubled");
    }

    @Test
    void everyArchiveTableHasItsHotTablesColumnsInOrder() {
        for (String table : ARCHIVED_TABLES) {
            String columns = "SELECT string_agg(column_name || ':' || data_type, ',' ORDER BY ordinal_position)"
                    + " FROM information_schema.columns WHERE table_schema = ? AND table_name = ?";
            assertEquals(queryIds(columns, "public", table), queryIds(columns, "archive", table),
                    "archive." + table + " must copy public." + table + " column for column (the mover copies rows"
                            + " with SELECT *): a migration that adds a column adds it to both");
        }
    }
}
