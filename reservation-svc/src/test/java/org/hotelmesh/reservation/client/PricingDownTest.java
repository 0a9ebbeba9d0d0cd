package org.hotelmesh.reservation.client;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.devtools.test.TestIdentities;
import org.hotelmesh.proto.reservation.v1.GetReservationRequest;
import org.hotelmesh.proto.reservation.v1.InventoryServiceGrpc.InventoryServiceBlockingStub;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc.ReservationServiceBlockingStub;
import org.hotelmesh.proto.reservation.v1.SetRoomTypeCapacityRequest;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.Fixtures;
import org.hotelmesh.support.catalog.HotelClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.mutiny.Uni;

/**
 * The real RateClient against the test address of rate-svc, where nothing listens: every booking fails fast with
 * UNAVAILABLE naming pricing, holds no inventory and creates no reservation; once the circuit opens, without even
 * trying.
 */
@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class PricingDownTest {

    private static final LocalDate START = utcToday().plusDays(30);

    @InjectMock
    HotelClient catalog;

    @GrpcClient("reservation")
    ReservationServiceBlockingStub reservations;

    @GrpcClient("inventory")
    InventoryServiceBlockingStub inventory;

    @Inject
    AgroalDataSource db;

    @Inject
    CircuitBreakerMaintenance circuitBreakers;

    @BeforeEach
    void setUp() {
        circuitBreakers.resetAll();
        when(catalog.findHotel(anyLong())).thenAnswer(call -> Uni.createFrom()
                .item(Optional.ofNullable(Fixtures.HOTELS.get((Long) call.getArgument(0)))));
    }

    @Test
    void aBookingFailsFastWithUnavailableAndHoldsNothing() throws SQLException {
        RoomTypeRef rt = roomType();
        long started = System.nanoTime();

        assertStatus(Status.Code.UNAVAILABLE, "pricing is unavailable (rate-svc cannot be reached); no reservation"
                + " was made; retry shortly",
                () -> reservations.createReservation(booking("no-price-1", rt, START, START.plusDays(1), 1, "g")));

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "failed within the 2 s deadline, took " + took);
        assertNothingHeld(rt, "no-price-1");
    }

    @Test
    void onceTheCircuitOpensBookingsFailWithoutCallingRateSvc() throws SQLException {
        RoomTypeRef rt = roomType();
        String lastMessage = null;
        for (int i = 0; i < 25; i++) {
            int n = i;
            lastMessage = assertStatus(Status.Code.UNAVAILABLE, null, () -> reservations.createReservation(
                    booking("cb-" + n, rt, START, START.plusDays(1), 1, "g"))).getStatus().getDescription();
        }
        assertEquals("pricing is unavailable (rate-svc is failing; calls are paused for a few seconds); no"
                + " reservation was made; retry shortly", lastMessage);
        for (int i = 0; i < 25; i++) {
            assertNothingHeld(rt, "cb-" + i);
        }
    }

    private RoomTypeRef roomType() {
        RoomTypeRef rt = Fixtures.newHotel(ZoneOffset.UTC);
        inventory.withInterceptors(TestIdentities.calling(TestIdentities.workload("hotel-svc")))
                .setRoomTypeCapacity(SetRoomTypeCapacityRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setRoomsInService(5).setCatalogVersion(1).build());
        return rt;
    }

    private void assertNothingHeld(RoomTypeRef rt, String reservationId) throws SQLException {
        assertStatus(Status.Code.NOT_FOUND, null, () -> reservations.getReservation(GetReservationRequest.newBuilder()
                .setReservationId(reservationId).build()));
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT total_reserved"
                + " FROM room_type_inventory WHERE hotel_id = ? AND room_type_id = ? AND night = ?")) {
            ps.setLong(1, rt.hotelId());
            ps.setLong(2, rt.roomTypeId());
            ps.setObject(3, START);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                assertEquals(0, rs.getInt(1));
            }
        }
    }
}
