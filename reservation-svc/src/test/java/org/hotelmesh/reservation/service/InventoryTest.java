package org.hotelmesh.reservation.service;

import static org.hotelmesh.devtools.test.GrpcAssertions.assertInvalid;
import static org.hotelmesh.devtools.test.GrpcAssertions.assertStatus;
import static org.hotelmesh.reservation.Fixtures.booking;
import static org.hotelmesh.reservation.Fixtures.range;
import static org.hotelmesh.reservation.Fixtures.utcToday;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;

import org.hotelmesh.devtools.test.StoresTestResource;
import org.hotelmesh.proto.reservation.v1.CancelReservationRequest;
import org.hotelmesh.proto.reservation.v1.GetAvailabilityRequest;
import org.hotelmesh.proto.reservation.v1.GetInventoryRequest;
import org.hotelmesh.proto.reservation.v1.GetOverbookingRatioRequest;
import org.hotelmesh.proto.reservation.v1.GetStockRequest;
import org.hotelmesh.proto.reservation.v1.InventoryRow;
import org.hotelmesh.proto.reservation.v1.NightAvailability;
import org.hotelmesh.proto.reservation.v1.SetMaintenanceRequest;
import org.hotelmesh.proto.reservation.v1.SetOverbookingRatioRequest;
import org.hotelmesh.proto.reservation.v1.SetRoomTypeCapacityRequest;
import org.hotelmesh.proto.reservation.v1.StockRow;
import org.hotelmesh.reservation.Fixtures.RoomTypeRef;
import org.hotelmesh.reservation.ReservationTestBase;
import org.hotelmesh.reservation.cache.AvailabilityCache;
import org.junit.jupiter.api.Test;

import io.grpc.Status;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = StoresTestResource.class, initArgs = {
        @ResourceArg(name = "database", value = "reservation_test"), @ResourceArg(name = "redisDatabase", value = "4") })
class InventoryTest extends ReservationTestBase {

    @Inject
    Inventory inventoryService;

    @Inject
    RedisDataSource redis;

    @Inject
    Clock clock;

    private void setCapacity(RoomTypeRef rt, int rooms, long catalogVersion) {
        catalogSync().setRoomTypeCapacity(SetRoomTypeCapacityRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setRoomsInService(rooms).setCatalogVersion(catalogVersion).build());
    }

    private int rows(RoomTypeRef rt) {
        return queryInt("SELECT count(*) FROM room_type_inventory WHERE hotel_id = ? AND room_type_id = ?",
                rt.hotelId(), rt.roomTypeId());
    }

    private List<InventoryRow> inventoryRows(RoomTypeRef rt, LocalDate from, LocalDate to) {
        return inventory.getInventory(GetInventoryRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setDates(range(from, to)).build()).getRowsList();
    }

    @Test
    void anUnknownHotelOrAnotherHotelsRoomTypeIsNotFoundNotAnsweredWithDefaults() {
        RoomTypeRef mine = roomType(10);
        RoomTypeRef theirs = roomType(10);
        LocalDate night = utcToday().plusDays(9);
        long unknown = Long.MAX_VALUE;
        assertStatus(Status.Code.NOT_FOUND, "hotel " + unknown + " not found", () -> inventory.getAvailability(
                GetAvailabilityRequest.newBuilder().setHotelId(unknown).setStay(range(night, night.plusDays(1)))
                        .build()));
        String notMine = "room type " + theirs.roomTypeId() + " not found in hotel " + mine.hotelId();
        assertStatus(Status.Code.NOT_FOUND, notMine, () -> inventory.getAvailability(GetAvailabilityRequest
                .newBuilder().setHotelId(mine.hotelId()).setRoomTypeId(theirs.roomTypeId())
                .setStay(range(night, night.plusDays(1))).build()));
        assertStatus(Status.Code.NOT_FOUND, notMine, () -> inventory.getInventory(GetInventoryRequest.newBuilder()
                .setHotelId(mine.hotelId()).setRoomTypeId(theirs.roomTypeId()).setDates(range(night, night.plusDays(1)))
                .build()));
        assertStatus(Status.Code.NOT_FOUND, notMine, () -> inventory.getOverbookingRatio(GetOverbookingRatioRequest
                .newBuilder().setHotelId(mine.hotelId()).setRoomTypeId(theirs.roomTypeId()).build()));
        assertStatus(Status.Code.NOT_FOUND, notMine, () -> inventory.setOverbookingRatio(SetOverbookingRatioRequest
                .newBuilder().setHotelId(mine.hotelId()).setRoomTypeId(theirs.roomTypeId()).setRatio(2.0).build()));
        assertStatus(Status.Code.NOT_FOUND, notMine, () -> inventory.setMaintenance(SetMaintenanceRequest.newBuilder()
                .setHotelId(mine.hotelId()).setRoomTypeId(theirs.roomTypeId()).setDates(range(night, night.plusDays(1)))
                .setRooms(3).build()));
        // nothing changed on either hotel
        assertEquals(11, inventoryRows(theirs, night, night.plusDays(1)).get(0).getSellableLimit());
        assertEquals(0, inventoryRows(theirs, night, night.plusDays(1)).get(0).getMaintenance());
        assertEquals(1, inventory.getAvailability(GetAvailabilityRequest.newBuilder().setHotelId(mine.hotelId())
                .setStay(range(night, night.plusDays(1))).build()).getRoomTypesCount());
    }

    @Test
    void aCapacityReportCreatesTheWholeSalesHorizonAndOlderReportsAreIgnored() {
        RoomTypeRef rt = roomType(10);
        assertEquals(730, rows(rt));
        LocalDate night = utcToday().plusDays(5);

        setCapacity(rt, 8, 3);
        setCapacity(rt, 20, 2); // late and older: ignored
        InventoryRow row = inventoryRows(rt, night, night.plusDays(1)).get(0);
        assertEquals(8, row.getTotalInventory());
        assertEquals(8, row.getSellableLimit()); // floor(8 x 1.10)
        assertEquals(1.10, row.getOverbookingRatio());
        assertEquals(730, rows(rt));
    }

    @Test
    void theGuardTriggerRefusesARawOversellButACapacityCutBelowSoldSucceeds() throws SQLException {
        RoomTypeRef rt = roomType(10);
        LocalDate night = utcToday().plusDays(12);
        for (int i = 0; i < 3; i++) {
            reservations.createReservation(booking("cut-" + rt.roomTypeId() + "-" + i, rt, night, night.plusDays(1), 1,
                    "g"));
        }

        // a buggy writer pushing total_reserved past floor(10 x 1.10) = 11
        SQLException oversell = assertThrows(SQLException.class, () -> execute("UPDATE room_type_inventory"
                + " SET total_reserved = 12 WHERE hotel_id = ? AND room_type_id = ? AND night = ?",
                rt.hotelId(), rt.roomTypeId(), night));
        assertEquals("23514", oversell.getSQLState());
        assertEquals(3, totalReserved(rt, night));

        setCapacity(rt, 2, 2); // below the 3 already sold: allowed, the night just becomes unsellable
        InventoryRow row = inventoryRows(rt, night, night.plusDays(1)).get(0);
        assertEquals(2, row.getTotalInventory());
        assertEquals(3, row.getTotalReserved());
        assertEquals(2, row.getSellableLimit());
        assertStatus(Status.Code.FAILED_PRECONDITION, "sold out: no room of this type is left on the night of " + night,
                () -> reservations.createReservation(booking("cut-late-" + rt.roomTypeId(), rt, night,
                        night.plusDays(1), 1, "g")));
        // even a writer that only adds one room to the oversold night is refused
        SQLException more = assertThrows(SQLException.class, () -> execute("UPDATE room_type_inventory"
                + " SET total_reserved = total_reserved + 1 WHERE hotel_id = ? AND room_type_id = ? AND night = ?",
                rt.hotelId(), rt.roomTypeId(), night));
        assertEquals("23514", more.getSQLState());
        // and releasing rooms on it still works
        reservations.cancelReservation(CancelReservationRequest.newBuilder()
                .setReservationId("cut-" + rt.roomTypeId() + "-0").build());
        assertEquals(2, totalReserved(rt, night));
    }

    @Test
    void maintenanceTakesRoomsOutOfSaleForTheGivenDatesOnly() {
        RoomTypeRef rt = roomType(4);
        LocalDate from = utcToday().plusDays(100);
        inventory.setMaintenance(SetMaintenanceRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setDates(range(from, from.plusDays(2))).setRooms(3).build());

        List<InventoryRow> rows = inventoryRows(rt, from, from.plusDays(3));
        assertEquals(List.of(3, 3, 0), rows.stream().map(InventoryRow::getMaintenance).toList());
        assertEquals(List.of(1, 1, 4), rows.stream().map(InventoryRow::getTotalInventory).toList());
        assertEquals(List.of(1, 1, 4), rows.stream().map(InventoryRow::getSellableLimit).toList());

        LocalDate beyond = utcToday().plusDays(900);
        assertStatus(Status.Code.FAILED_PRECONDITION, null, () -> inventory.setMaintenance(SetMaintenanceRequest
                .newBuilder().setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId())
                .setDates(range(beyond, beyond.plusDays(1))).setRooms(1).build()));
    }

    @Test
    void anOverbookingRatioChangeAppliesToTodayAndLaterOnly() throws Exception {
        RoomTypeRef rt = roomType(10);
        LocalDate today = SalesCalendar.earliestToday(clock);
        LocalDate past = today.minusDays(10);
        execute("INSERT INTO room_type_inventory (hotel_id, room_type_id, night, rooms_in_service, overbooking_ratio)"
                + " VALUES (?, ?, ?, 10, 1.10)", rt.hotelId(), rt.roomTypeId(), past);

        assertEquals(1.25, inventory.setOverbookingRatio(SetOverbookingRatioRequest.newBuilder()
                .setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId()).setRatio(1.25).build()).getRatio());

        assertEquals(1.25, inventory.getOverbookingRatio(GetOverbookingRatioRequest.newBuilder()
                .setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId()).build()).getRatio());
        assertEquals(1.10, inventoryRows(rt, past, past.plusDays(1)).get(0).getOverbookingRatio());
        InventoryRow todayRow = inventoryRows(rt, today, today.plusDays(1)).get(0);
        assertEquals(1.25, todayRow.getOverbookingRatio());
        assertEquals(12, todayRow.getSellableLimit()); // floor(10 x 1.25)
        assertEquals(730, queryInt("SELECT count(*) FROM room_type_inventory WHERE hotel_id = ? AND room_type_id = ?"
                + " AND overbooking_ratio = 1.25", rt.hotelId(), rt.roomTypeId()));
        assertInvalid(() -> inventory.setOverbookingRatio(SetOverbookingRatioRequest.newBuilder()
                .setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId()).setRatio(2.5).build()), "ratio");
        assertEquals(1.25, inventory.getOverbookingRatio(GetOverbookingRatioRequest.newBuilder()
                .setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId()).build()).getRatio());
    }

    @Test
    void rollForwardAddsTheNextDatesOnceAndIsIdempotent() {
        RoomTypeRef rt = roomType(6);
        RoomTypeRef closed = roomType(6);
        setCapacity(closed, 0, 2); // a deleted room type gets no new dates
        LocalDate today = SalesCalendar.earliestToday(clock);

        assertEquals(0, inventoryService.rollForward(today).await().indefinitely());
        assertEquals(730, rows(rt));

        inventoryService.rollForward(today.plusDays(5)).await().indefinitely();
        assertEquals(735, rows(rt));
        assertEquals(730, rows(closed));
        assertEquals(0, inventoryService.rollForward(today.plusDays(5)).await().indefinitely());
        assertEquals(735, rows(rt));
        assertEquals(1, queryInt("SELECT count(*) FROM room_type_inventory WHERE hotel_id = ? AND room_type_id = ?"
                + " AND night = ? AND rooms_in_service = 6 AND overbooking_ratio = 1.10", rt.hotelId(), rt.roomTypeId(),
                today.plusDays(5 + 729)));
    }

    @Test
    void availabilityFromTheCacheEqualsTheDatabaseAfterBookingsAndCancels() {
        RoomTypeRef rt = roomType(4); // 4 sellable
        LocalDate from = utcToday().plusDays(50);
        LocalDate to = from.plusDays(4);
        reservations.createReservation(booking("av-" + rt.roomTypeId() + "-1", rt, from, from.plusDays(2), 2, "g"));
        reservations.createReservation(booking("av-" + rt.roomTypeId() + "-2", rt, from.plusDays(1),
                from.plusDays(3), 1, "g"));

        List<Integer> expected = List.of(2, 1, 3, 4);
        List<NightAvailability> fromDb = availability(rt, from, to);
        assertEquals(expected, fromDb.stream().map(NightAvailability::getRemaining).toList());
        assertEquals(List.of(2, 3, 1, 0), fromDb.stream().map(NightAvailability::getTotalReserved).toList());
        assertTrue(fromDb.stream().allMatch(n -> n.hasTotalInventory() && n.hasTotalReserved()));
        assertEquals(List.of("2", "1", "3", "4"), from.datesUntil(to)
                .map(d -> redis.value(String.class).get(AvailabilityCache.key(rt.hotelId(), rt.roomTypeId(), d)))
                .toList());
        List<NightAvailability> fromCache = availability(rt, from, to);
        assertEquals(expected, fromCache.stream().map(NightAvailability::getRemaining).toList());
        // the cache keeps only what is left: the totals are absent, never a made-up 0
        assertTrue(fromCache.stream().noneMatch(n -> n.hasTotalInventory() || n.hasTotalReserved()));

        reservations.cancelReservation(CancelReservationRequest.newBuilder()
                .setReservationId("av-" + rt.roomTypeId() + "-1").build());
        reservations.createReservation(booking("av-" + rt.roomTypeId() + "-3", rt, from.plusDays(3),
                from.plusDays(4), 4, "g"));
        List<Integer> db = from.datesUntil(to).map(d -> 4 - totalReserved(rt, d)).toList();
        assertEquals(List.of(4, 3, 3, 0), db);
        assertEquals(db, availability(rt, from, to).stream().map(NightAvailability::getRemaining).toList());
    }

    private List<NightAvailability> availability(RoomTypeRef rt, LocalDate from, LocalDate to) {
        return inventory.getAvailability(GetAvailabilityRequest.newBuilder().setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setStay(range(from, to)).build()).getRoomTypes(0).getNightsList();
    }

    @Test
    void stockReadsEveryRoomTypeOfManyHotelsInOneCall() throws Exception {
        RoomTypeRef booked = roomType(10);
        RoomTypeRef serviced = roomType(3);
        RoomTypeRef notAsked = roomType(5);
        LocalDate night = utcToday().plusDays(20);
        reservations.createReservation(booking("stock-" + booked.hotelId(), booked, night, night.plusDays(1), 2,
                "guest-stock"));
        inventory.setMaintenance(SetMaintenanceRequest.newBuilder().setHotelId(serviced.hotelId())
                .setRoomTypeId(serviced.roomTypeId()).setDates(range(night, night.plusDays(1))).setRooms(1).build());

        List<StockRow> rows = inventory.getStock(GetStockRequest.newBuilder().addHotelIds(booked.hotelId())
                .addHotelIds(serviced.hotelId()).addHotelIds(booked.hotelId()).setDates(range(night, night.plusDays(2)))
                .build()).getRowsList();
        assertEquals(4, rows.size(), rows.toString());
        assertTrue(rows.stream().noneMatch(row -> row.getHotelId() == notAsked.hotelId()));
        StockRow bookedNight = stock(rows, booked, night);
        assertEquals(10, bookedNight.getTotalInventory());
        assertEquals(2, bookedNight.getTotalReserved());
        assertEquals(11 - 2, bookedNight.getRemaining()); // floor(10 x 1.10) - 2
        assertEquals(11, stock(rows, booked, night.plusDays(1)).getRemaining());
        StockRow servicedNight = stock(rows, serviced, night);
        assertEquals(2, servicedNight.getTotalInventory());
        assertEquals(2, servicedNight.getRemaining()); // floor(2 x 1.10)
        assertEquals(3, stock(rows, serviced, night.plusDays(1)).getRemaining());

        assertInvalid(() -> inventory.getStock(GetStockRequest.newBuilder().setDates(range(night, night.plusDays(1)))
                .build()), "hotelIDs");
        assertInvalid(() -> inventory.getStock(GetStockRequest.newBuilder().addHotelIds(booked.hotelId())
                .setDates(range(night, night.plusDays(32))).build()), "endDate");
    }

    private static StockRow stock(List<StockRow> rows, RoomTypeRef rt, LocalDate night) {
        return rows.stream().filter(row -> row.getHotelId() == rt.hotelId() && row.getRoomTypeId() == rt.roomTypeId()
                && row.getDate().getDay() == night.getDayOfMonth() && row.getDate().getMonth() == night.getMonthValue())
                .findFirst().orElseThrow(() -> new AssertionError("no row of " + rt + " on " + night + " in " + rows));
    }
}
