package org.hotelmesh.rate.grpc;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.rate.v1.DayOfWeek;
import org.hotelmesh.proto.rate.v1.SetBaseRatesRequest;
import org.hotelmesh.rate.domain.Occupancy;
import org.hotelmesh.support.catalog.HotelClient;
import org.hotelmesh.support.catalog.HotelInfo;

/**
 * Builders and assertions shared by the tests, and what the mocked neighbours answer: the catalog (hotel-svc) from
 * {@link #HOTELS}, the inventory (reservation-svc) from {@link #ROOMS} and {@link #RESERVED}. Every test creates its
 * own hotels and room types.
 */
final class Fixtures {

    /** The catalog the mocked HotelClient answers from. */
    static final Map<Long, HotelInfo> HOTELS = new ConcurrentHashMap<>();

    /** Rooms in service per room type on every night; a room type missing here has no inventory rows at all. */
    static final Map<RoomTypeRef, Integer> ROOMS = new ConcurrentHashMap<>();

    /** Rooms reserved per room type and night (0 when absent). */
    static final Map<Night, Integer> RESERVED = new ConcurrentHashMap<>();

    private static final AtomicLong IDS = new AtomicLong(100);

    record RoomTypeRef(long hotelId, long roomTypeId) {
    }

    record Night(RoomTypeRef roomType, LocalDate date) {
    }

    private Fixtures() {
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    /** A hotel known to the (mocked) catalog with one room type of {@code rooms} rooms (null: no inventory rows). */
    static RoomTypeRef newHotel(ZoneId zone, Integer rooms) {
        long hotelId = nextId();
        long roomTypeId = nextId();
        HOTELS.put(hotelId, new HotelInfo(hotelId, zone, Set.of(roomTypeId)));
        RoomTypeRef rt = new RoomTypeRef(hotelId, roomTypeId);
        if (rooms != null) {
            ROOMS.put(rt, rooms);
        }
        return rt;
    }

    /** A UTC hotel with one room type of 10 rooms, none reserved. */
    static RoomTypeRef newHotel() {
        return newHotel(ZoneOffset.UTC, 10);
    }

    /** A second room type of the same hotel, with 10 rooms. */
    static RoomTypeRef addRoomType(RoomTypeRef of) {
        long roomTypeId = nextId();
        HOTELS.computeIfPresent(of.hotelId(), (id, hotel) -> {
            Set<Long> types = new java.util.HashSet<>(hotel.roomTypeIds());
            types.add(roomTypeId);
            return new HotelInfo(id, hotel.timeZone(), types);
        });
        RoomTypeRef rt = new RoomTypeRef(of.hotelId(), roomTypeId);
        ROOMS.put(rt, 10);
        return rt;
    }

    static void reserve(RoomTypeRef rt, LocalDate date, int rooms) {
        RESERVED.put(new Night(rt, date), rooms);
    }

    /** What the mocked reservation-svc answers for GetInventory of [from, to). */
    static Map<LocalDate, Occupancy> inventory(long hotelId, long roomTypeId, LocalDate from, LocalDate to) {
        RoomTypeRef rt = new RoomTypeRef(hotelId, roomTypeId);
        Integer rooms = ROOMS.get(rt);
        Map<LocalDate, Occupancy> rows = new HashMap<>();
        if (rooms != null) {
            from.datesUntil(to).forEach(date -> rows.put(date,
                    new Occupancy(RESERVED.getOrDefault(new Night(rt, date), 0), rooms)));
        }
        return rows;
    }

    static LocalDate utcToday() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    static LocalDate localDate(Date d) {
        return LocalDate.of(d.getYear(), d.getMonth(), d.getDay());
    }

    static DateRange range(LocalDate start, LocalDate end) {
        return DateRange.newBuilder().setStartDate(date(start)).setEndDate(date(end)).build();
    }

    static Money money(long amountMinor, String currency) {
        return Money.newBuilder().setAmountMinor(amountMinor).setCurrency(currency).build();
    }

    static SetBaseRatesRequest baseRates(RoomTypeRef rt, LocalDate start, LocalDate end, long amount, String currency,
            DayOfWeek... days) {
        return SetBaseRatesRequest.newBuilder().setHotelId(rt.hotelId()).setRoomTypeId(rt.roomTypeId())
                .setDates(range(start, end)).setAmount(money(amount, currency)).addAllDaysOfWeek(List.of(days))
                .build();
    }
}
