package org.hotelmesh.reservation.service;

import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.ReservationTestBase;
import org.junit.jupiter.api.Test;

import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A burst far larger than the database pool (two connections here) for the last rooms of a night: every guest is
 * answered booked (and paid) or sold out, none "unavailable" or past a deadline, and exactly the sellable rooms are
 * sold.
 */
@QuarkusTest
@TestProfile(BookingBurstTest.SmallPool.class)
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_burst_test"),
        @ResourceArg(name = "redisDatabase", value = "4") })
class BookingBurstTest extends ReservationTestBase {

    private static final int GUESTS = 150;

    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.reactive.max-size", "2");
        }
    }

    @Test
    void everyGuestOfABurstIsBookedOrToldSoldOut() throws Exception {
        RoomTypeRef rt = roomType(10); // 11 sellable at the default overbooking ratio 1.10
        LocalDate night = utcToday().plusDays(20);
        ExecutorService guests = Executors.newFixedThreadPool(GUESTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < GUESTS; i++) {
                String id = "burst-" + i;
                answers.add(guests.submit(() -> {
                    go.await();
                    try {
                        ReservationStatus status = reservations.withDeadlineAfter(30, TimeUnit.SECONDS)
                                .createReservation(booking(id, rt, night, night.plusDays(1), 1, "guest-" + id,
                                        "tok_visa"))
                                .getReservation().getStatus();
                        return status.name();
                    } catch (StatusRuntimeException e) {
                        return e.getStatus().getCode().name();
                    }
                }));
            }
            go.countDown();
            Map<String, Integer> outcomes = new TreeMap<>();
            for (Future<String> answer : answers) {
                outcomes.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }

            assertEquals(Map.of("PAID", 11, "FAILED_PRECONDITION", GUESTS - 11), outcomes);
        } finally {
            guests.shutdownNow();
        }
        assertEquals(11, totalReserved(rt, night));
        assertEquals(activeRooms(rt, night), totalReserved(rt, night));
    }
}
