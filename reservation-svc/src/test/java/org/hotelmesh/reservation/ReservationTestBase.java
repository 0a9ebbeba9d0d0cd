package org.hotelmesh.reservation;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.TestIdentities;
import org.hotelmesh.proto.reservation.v1.InventoryServiceGrpc.InventoryServiceBlockingStub;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc.ReservationServiceBlockingStub;
import org.hotelmesh.proto.reservation.v1.SetRoomTypeCapacityRequest;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.client.RateClient;
import org.hotelmesh.support.catalog.HotelClient;
import org.junit.jupiter.api.BeforeEach;

import io.agroal.api.AgroalDataSource;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.InjectMock;
import io.smallrye.mutiny.Uni;

/**
 * Shared wiring of the {@code @QuarkusTest}s: gRPC clients of this service over the network, JDBC for raw checks,
 * the catalog (hotel-svc, another service's boundary) mocked to answer from {@link Fixtures#HOTELS}, and pricing
 * (rate-svc, likewise) mocked to a flat price.
 */
public abstract class ReservationTestBase {

    @InjectMock
    protected HotelClient catalog;

    @InjectMock
    protected RateClient rates;

    @GrpcClient("reservation")
    protected ReservationServiceBlockingStub reservations;

    @GrpcClient("inventory")
    protected InventoryServiceBlockingStub inventory;

    /** The inventory as hotel-svc calls it: only hotel-svc may set a room type's capacity. */
    protected InventoryServiceBlockingStub catalogSync() {
        return inventory.withInterceptors(TestIdentities.calling(TestIdentities.workload("hotel-svc")));
    }

    @Inject
    protected AgroalDataSource db;

    @BeforeEach
    protected void catalogAnswersFromFixtures() {
        when(catalog.findHotel(anyLong())).thenAnswer(call -> Uni.createFrom()
                .item(Optional.ofNullable(Fixtures.HOTELS.get((Long) call.getArgument(0)))));
        when(catalog.rooms(anyLong(), anyLong())).thenAnswer(call -> {
            long type = call.getArgument(1);
            return Uni.createFrom().item(Fixtures.ROOMS.getOrDefault((Long) call.getArgument(0), List.of()).stream()
                    .filter(room -> type == 0 || room.roomTypeId() == type).toList());
        });
    }

    /** Unless a test says otherwise, every night costs {@link Fixtures#NIGHT_PRICE} per room, in EUR. */
    @BeforeEach
    protected void ratesAnswerAFlatPrice() {
        when(rates.priceStay(anyLong(), anyLong(), any(), any(), anyInt(), any())).thenAnswer(call -> Uni.createFrom()
                .item(Fixtures.flatPrice(call.getArgument(2), call.getArgument(3), call.getArgument(4))));
    }

    /** A new UTC hotel with one room type that has {@code rooms} in service (catalog version 1). */
    protected RoomTypeRef roomType(int rooms) {
        RoomTypeRef rt = Fixtures.newHotel(ZoneOffset.UTC);
        catalogSync().setRoomTypeCapacity(SetRoomTypeCapacityRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setRoomsInService(rooms).setCatalogVersion(1).build());
        return rt;
    }

    protected int totalReserved(RoomTypeRef rt, LocalDate date) {
        return queryInt("SELECT total_reserved FROM room_type_inventory WHERE hotel_id = ? AND room_type_id = ?"
                + " AND night = ?", rt.hotelId(), rt.roomTypeId(), date);
    }

    /**
     * Rooms held on {@code date} by pending, paid or checked-in reservations, and by stays that ended after they began
     * (ended early, checked out, no-show) on their nights before the first one released: what total_reserved must equal.
     */
    protected int activeRooms(RoomTypeRef rt, LocalDate date) {
        return queryInt("SELECT coalesce(sum(rooms), 0) FROM reservation WHERE hotel_id = ? AND room_type_id = ?"
                + " AND start_date <= ? AND (status IN ('pending', 'paid', 'checked_in') AND end_date > ?"
                + " OR nights_released_from > ?)",
                rt.hotelId(), rt.roomTypeId(), date, date, date);
    }

    protected int queryInt(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected List<String> queryIds(String sql, Object... args) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected int execute(String sql, Object... args) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
