package org.hotelmesh.reservation.service;

import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.reservation.v1.CreateReservationResponse;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.ReservationTestBase;
import org.hotelmesh.support.grpc.GrpcStatuses;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A room type's booking queue is bounded: while a batch is stuck (here on a row lock the test holds), at most
 * {@code max-queued} bookings wait behind it and every further one is told at once to slow down, with when to come
 * back; the waiting ones are booked once the batch moves.
 */
@QuarkusTest
@TestProfile(BookingQueueTest.SmallQueue.class)
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_queue_test"),
        @ResourceArg(name = "redisDatabase", value = "4") })
class BookingQueueTest extends ReservationTestBase {

    public static class SmallQueue implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hotelmesh.booking.max-queued", "3");
        }
    }

    @Test
    void aFullQueueAnswersResourceExhaustedAtOnceAndTheWaitingAreBooked() throws Exception {
        RoomTypeRef rt = roomType(20);
        LocalDate night = utcToday().plusDays(12);
        ExecutorService clients = Executors.newFixedThreadPool(11);
        try (Connection lock = db.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement ps = lock.prepareStatement("SELECT 1 FROM room_type_inventory"
                    + " WHERE hotel_id = ? AND room_type_id = ? AND night = ? FOR UPDATE")) {
                ps.setLong(1, rt.hotelId());
                ps.setLong(2, rt.roomTypeId());
                ps.setObject(3, night);
                ps.executeQuery();
            }
            // 11 bookings of one night at once: one batch takes the first and waits for the lock, 3 wait behind it.
            List<Future<CreateReservationResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 11; i++) {
                String id = "queued-" + i;
                calls.add(clients.submit(() -> reservations.createReservation(
                        booking(id, rt, night, night.plusDays(1), 1, "g"))));
            }
            // The lock never lets the batch finish, so an answer now can only be the queue turning a booking away.
            int turnedAway = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (turnedAway < 7 && System.nanoTime() < deadline) {
                for (Iterator<Future<CreateReservationResponse>> it = calls.iterator(); it.hasNext(); ) {
                    Future<CreateReservationResponse> call = it.next();
                    if (!call.isDone()) {
                        continue;
                    }
                    ExecutionException failed = assertThrows(ExecutionException.class, call::get,
                            "nothing is booked while the night is locked");
                    StatusRuntimeException status = (StatusRuntimeException) failed.getCause();
                    assertEquals(Status.Code.RESOURCE_EXHAUSTED, status.getStatus().getCode());
                    assertEquals(Duration.ofSeconds(1), GrpcStatuses.retryAfter(status).orElseThrow());
                    turnedAway++;
                    it.remove();
                }
                Thread.sleep(20);
            }
            assertEquals(7, turnedAway, "all but the batch in flight and the 3 queued are turned away");
            Thread.sleep(300);
            assertEquals(4, calls.stream().filter(call -> !call.isDone()).count(), "the other 4 still wait");
            lock.rollback();

            for (Future<CreateReservationResponse> waiting : calls) {
                assertTrue(waiting.get(15, TimeUnit.SECONDS).getReservation().getReservationId()
                        .startsWith("queued-"));
            }
        } finally {
            clients.shutdownNow();
        }
        assertEquals(4, totalReserved(rt, night));
        assertEquals(activeRooms(rt, night), totalReserved(rt, night));
    }
}
