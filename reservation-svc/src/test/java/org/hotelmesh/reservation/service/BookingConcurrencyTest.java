package org.hotelmesh.reservation.service;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.reservation.v1.CreateReservationRequest;
import org.hotelmesh.proto.reservation.v1.Reservation;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.proto.reservation.v1.SetOverbookingRatioRequest;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.Fixtures;
import org.hotelmesh.reservation.ReservationTestBase;
import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.domain.SoldOut;
import org.hotelmesh.reservation.service.BookingEngine.Decision;
import org.hotelmesh.reservation.service.BookingEngine.Outcome;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class BookingConcurrencyTest extends ReservationTestBase {

    @Inject
    BookingEngine engine;

    /** Sends every request at once from 64 threads; each result is the reservation or the status of the failure. */
    private List<Object> race(List<CreateReservationRequest> requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(64);
        try {
            List<Callable<Object>> calls = new ArrayList<>();
            for (CreateReservationRequest request : requests) {
                calls.add(() -> {
                    try {
                        return reservations.createReservation(request).getReservation();
                    } catch (StatusRuntimeException e) {
                        return e.getStatus();
                    }
                });
            }
            List<Object> results = new ArrayList<>();
            for (Future<Object> f : threads.invokeAll(calls, 120, TimeUnit.SECONDS)) {
                results.add(f.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twoHundredClientsRacingForOneNightBookExactlyTheElevenSellableRooms() throws Exception {
        RoomTypeRef rt = roomType(10); // default ratio 1.10: floor(10 x 1.10) = 11 sellable
        LocalDate night = utcToday().plusDays(40);
        List<CreateReservationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(booking("race-" + rt.roomTypeId() + "-" + i, rt, night, night.plusDays(1), 1, "guest-" + i));
        }

        List<Object> results = race(requests);

        long booked = results.stream().filter(r -> r instanceof Reservation).count();
        List<Status> refused = results.stream().filter(r -> r instanceof Status).map(r -> (Status) r).toList();
        assertEquals(11, booked);
        assertEquals(189, refused.size());
        for (Status status : refused) {
            assertEquals(Status.Code.FAILED_PRECONDITION, status.getCode(), status::toString);
            assertEquals("sold out: no room of this type is left on the night of " + night, status.getDescription());
        }
        assertEquals(11, totalReserved(rt, night));
        assertEquals(11, activeRooms(rt, night));
    }

    @Test
    void overlappingMultiNightStaysNeverOversellAndTotalsMatchTheReservations() throws Exception {
        RoomTypeRef rt = roomType(5); // 5 sellable per night
        LocalDate first = utcToday().plusDays(60);
        Random random = new Random(42);
        List<CreateReservationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            LocalDate start = first.plusDays(random.nextInt(5));
            int nights = 1 + random.nextInt(3);
            requests.add(booking("multi-" + rt.roomTypeId() + "-" + i, rt, start, start.plusDays(nights),
                    1 + random.nextInt(2), "guest-" + i));
        }

        List<Object> results = race(requests);

        long roomNightsBooked = 0;
        for (Object r : results) {
            if (r instanceof Reservation reservation) {
                roomNightsBooked += reservation.getRooms() * nightsOf(reservation);
            } else {
                assertEquals(Status.Code.FAILED_PRECONDITION, ((Status) r).getCode(), r::toString);
            }
        }
        long roomNightsInInventory = 0;
        for (LocalDate d = first; d.isBefore(first.plusDays(8)); d = d.plusDays(1)) {
            int reserved = totalReserved(rt, d);
            assertTrue(reserved <= 5, "night " + d + " oversold: " + reserved);
            assertEquals(activeRooms(rt, d), reserved, "total_reserved of " + d);
            roomNightsInInventory += reserved;
        }
        assertEquals(roomNightsBooked, roomNightsInInventory);
        assertTrue(roomNightsBooked > 0);
    }

    private static long nightsOf(Reservation r) {
        LocalDate start = LocalDate.of(r.getStay().getStartDate().getYear(), r.getStay().getStartDate().getMonth(),
                r.getStay().getStartDate().getDay());
        LocalDate end = LocalDate.of(r.getStay().getEndDate().getYear(), r.getStay().getEndDate().getMonth(),
                r.getStay().getEndDate().getDay());
        return start.datesUntil(end).count();
    }

    @Test
    void fiftyConcurrentSubmissionsOfOneReservationIdCreateOneReservationAndGetTheSameAnswer() throws Exception {
        RoomTypeRef rt = roomType(10);
        LocalDate start = utcToday().plusDays(70);
        CreateReservationRequest request = booking("dup-" + rt.roomTypeId(), rt, start, start.plusDays(2), 2, "g-1");
        List<CreateReservationRequest> requests = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            requests.add(request);
        }

        List<Object> results = race(requests);

        assertEquals(1, new HashSet<>(results).size(), () -> "different answers: " + new HashSet<>(results));
        Reservation answer = (Reservation) results.get(0);
        assertEquals(ReservationStatus.PENDING, answer.getStatus());
        assertEquals(1, answer.getHistoryCount());
        assertEquals(1, queryInt("SELECT count(*) FROM reservation WHERE guest_id = 'g-1' AND hotel_id = ?",
                rt.hotelId()));
        assertEquals(1, queryInt("SELECT count(*) FROM reservation_status_change WHERE reservation_id = ?",
                request.getReservationId()));
        assertEquals(2, totalReserved(rt, start));
        assertEquals(2, totalReserved(rt, start.plusDays(1)));
        // and a later retry gets the same answer too
        assertEquals(answer, reservations.createReservation(request).getReservation());
    }

    @Test
    void sameReservationIdWithADifferentPayloadIsAlreadyExistsNamingTheDifferences() {
        RoomTypeRef rt = roomType(10);
        LocalDate start = utcToday().plusDays(80);
        String id = "conflict-" + rt.roomTypeId();
        reservations.createReservation(booking(id, rt, start, start.plusDays(1), 1, "g-2"));

        assertStatus(Status.Code.ALREADY_EXISTS, "reservationID " + id + " is already used by a different booking"
                + " (differs in endDate, rooms); use a new reservationID for a new booking",
                () -> reservations.createReservation(booking(id, rt, start, start.plusDays(2), 3, "g-2")));
        assertEquals(1, totalReserved(rt, start));
        assertEquals(0, totalReserved(rt, start.plusDays(1)));
    }

    @Test
    void withoutCoalescingConcurrentTransactionsRetryOnVersionConflictsAndNeverOversell() {
        RoomTypeRef rt = roomType(5);
        inventory.setOverbookingRatio(SetOverbookingRatioRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setRatio(1.0).build()); // 5 sellable
        LocalDate night = utcToday().plusDays(90);
        long conflictsBefore = engine.conflicts();
        List<Uni<Decision>> transactions = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // One transaction per booking, bypassing the batcher: they all read the same version and race.
            // At most 5 can commit, so no booking can lose more than 5 times: within the 8 attempts.
            transactions.add(engine.decide(rt.hotelId(), rt.roomTypeId(), List.of(new BookingRequest(
                    "occ-" + rt.roomTypeId() + "-" + i, rt.hotelId(), rt.roomTypeId(), night, night.plusDays(1), 1,
                    "guest-" + i, null, "tok_pending").priced(Fixtures.flatPrice(night, night.plusDays(1), 1)))));
        }

        List<Decision> decisions = Uni.join().all(transactions).andFailFast().await()
                .atMost(Duration.ofSeconds(60));

        List<Outcome> outcomes = decisions.stream().map(d -> d.outcomes().get(0)).toList();
        assertEquals(5, outcomes.stream().filter(Outcome::created).count());
        assertEquals(25, outcomes.stream().filter(o -> o.failure() instanceof SoldOut).count());
        assertEquals(5, totalReserved(rt, night));
        assertEquals(5, activeRooms(rt, night));
        assertTrue(engine.conflicts() > conflictsBefore, "the racing transactions should have hit version conflicts");
    }
}
