package org.hotelmesh.rate.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.rate.v1.GetNightlyRatesRequest;
import org.hotelmesh.proto.rate.v1.RateServiceGrpc.RateServiceBlockingStub;
import org.hotelmesh.proto.rate.v1.SetBaseRatesRequest;
import org.hotelmesh.support.catalog.HotelClient;
import org.hotelmesh.support.catalog.HotelInfo;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;

/**
 * The real InventoryClient (not mocked here) against the test address of reservation-svc, where nothing listens: an
 * unreachable reservation-svc is DownstreamUnavailable after the retries, then the circuit opens and calls fail at
 * once; through the API, a price is refused with UNAVAILABLE either way, never guessed.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "rate_test"), @ResourceArg(name = "redisDatabase", value = "5") })
class InventoryClientTest {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final LocalDate NIGHT = LocalDate.now(ZoneOffset.UTC).plusDays(10);
    private static final long HOTEL = 900_001;
    private static final long ROOM_TYPE = 900_002;

    @Inject
    InventoryClient inventory;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @InjectMock
    HotelClient catalog;

    @GrpcClient("rate")
    RateServiceBlockingStub rates;

    @BeforeEach
    void setUp() {
        circuitBreakers.resetAll();
        when(catalog.findHotel(anyLong())).thenReturn(Uni.createFrom().item(Optional.of(new HotelInfo(HOTEL,
                ZoneOffset.UTC, Set.of(ROOM_TYPE)))));
    }

    @Test
    void unreachableReservationSvcIsOccupancyUnavailable() {
        DownstreamUnavailable e = assertThrows(DownstreamUnavailable.class,
                () -> inventory.occupancy(1, 2, NIGHT, NIGHT.plusDays(1)).await().atMost(WAIT));

        assertEquals("occupancy is unavailable (reservation-svc GetInventory: UNAVAILABLE); nothing is priced without"
                + " it; retry shortly", e.getMessage());
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenFailsAtOnce() {
        Throwable last = null;
        for (int i = 0; i < 10; i++) {
            try {
                inventory.occupancy(1, 2, NIGHT, NIGHT.plusDays(1)).await().atMost(WAIT);
            } catch (RuntimeException e) {
                last = e;
            }
        }
        assertEquals(DownstreamUnavailable.Reason.CIRCUIT_OPEN, assertInstanceOf(DownstreamUnavailable.class, last).reason());

        long started = System.nanoTime();
        assertEquals(DownstreamUnavailable.Reason.CIRCUIT_OPEN, assertThrows(DownstreamUnavailable.class,
                () -> inventory.occupancy(1, 2, NIGHT, NIGHT.plusDays(1)).await().atMost(WAIT)).reason());
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofMillis(500)) < 0, "an open circuit answers at once, took " + took);
    }

    @Test
    void aPriceIsRefusedWithUnavailableNamingOccupancy() {
        rates.setBaseRates(SetBaseRatesRequest.newBuilder().setHotelId(HOTEL).setRoomTypeId(ROOM_TYPE)
                .setDates(range(NIGHT, NIGHT.plusDays(1)))
                .setAmount(Money.newBuilder().setAmountMinor(10_000).setCurrency("EUR")).build());

        StatusRuntimeException down = assertThrows(StatusRuntimeException.class, this::nightlyRates);
        assertEquals(Status.Code.UNAVAILABLE, down.getStatus().getCode());
        assertEquals("occupancy is unavailable (reservation-svc GetInventory: UNAVAILABLE); nothing is priced without"
                + " it; retry shortly", down.getStatus().getDescription());

        StatusRuntimeException open = null;
        for (int i = 0; i < 10; i++) {
            open = assertThrows(StatusRuntimeException.class, this::nightlyRates);
            assertEquals(Status.Code.UNAVAILABLE, open.getStatus().getCode());
        }
        assertEquals("occupancy is unavailable (reservation-svc is failing; calls are paused for a few seconds);"
                + " nothing is priced without it; retry shortly", open.getStatus().getDescription());
    }

    private void nightlyRates() {
        rates.getNightlyRates(GetNightlyRatesRequest.newBuilder().setHotelId(HOTEL).setRoomTypeId(ROOM_TYPE)
                .setStay(range(NIGHT, NIGHT.plusDays(1))).build());
    }

    private static DateRange range(LocalDate start, LocalDate end) {
        return DateRange.newBuilder().setStartDate(date(start)).setEndDate(date(end)).build();
    }

    private static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }
}
