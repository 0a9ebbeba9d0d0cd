package org.hotelmesh.hotel.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.hotel.domain.RoomTypeCapacity;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The real client (not mocked here) against the test address of reservation-svc, where nothing listens: an
 * unreachable reservation-svc fails as DownstreamUnavailable naming it, after the retries.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "hotel_test"), @ResourceArg(name = "redisDatabase", value = "1") })
class ReservationClientsTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    ReservationClient reservationSvc;

    @Test
    void unreachableReservationSvcIsReservationsUnavailableForTheCheck() {
        DownstreamUnavailable e = assertThrows(DownstreamUnavailable.class,
                () -> reservationSvc.hasFutureReservations(1).await().atMost(WAIT));
        assertTrue(e.getMessage().startsWith("reservation-svc HasFutureReservations failed: UNAVAILABLE"),
                e.getMessage());
    }

    @Test
    void unreachableReservationSvcIsReservationsUnavailableForACapacityReport() {
        DownstreamUnavailable e = assertThrows(DownstreamUnavailable.class,
                () -> reservationSvc.setRoomTypeCapacity(new RoomTypeCapacity(1, 2, 3, 4)).await().atMost(WAIT));
        assertTrue(e.getMessage().startsWith("reservation-svc SetRoomTypeCapacity failed: UNAVAILABLE"),
                e.getMessage());
    }
}
