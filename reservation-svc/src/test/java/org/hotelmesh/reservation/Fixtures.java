package org.hotelmesh.reservation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.reservation.v1.CreateReservationRequest;
import org.hotelmesh.reservation.domain.StayPrice;
import org.hotelmesh.support.catalog.HotelClient;
import org.hotelmesh.support.catalog.HotelClient.RoomInfo;
import org.hotelmesh.support.catalog.HotelInfo;

/** Builders and assertions shared by the tests; every test creates its own hotels and room types. */
public final class Fixtures {

    /** The catalog the mocked HotelClient answers from. */
    public static final Map<Long, HotelInfo> HOTELS = new ConcurrentHashMap<>();

    /** The rooms the mocked HotelClient lists, by hotel. */
    public static final Map<Long, List<RoomInfo>> ROOMS = new ConcurrentHashMap<>();

    /** What the mocked rate-svc charges per room and night, in EUR minor units. */
    public static final long NIGHT_PRICE = 12_000;

    private static final AtomicLong IDS = new AtomicLong(100);

    public record RoomTypeRef(long hotelId, long roomTypeId) {
    }

    private Fixtures() {
    }

    static long nextId() {
        return IDS.incrementAndGet();
    }

    /** A hotel known to the (mocked) catalog with one room type. */
    public static RoomTypeRef newHotel(ZoneId zone) {
        long hotelId = nextId();
        long roomTypeId = nextId();
        HOTELS.put(hotelId, new HotelInfo(hotelId, zone, Set.of(roomTypeId)));
        return new RoomTypeRef(hotelId, roomTypeId);
    }

    /**
     * Gives the room type {@code inService} rooms in service and {@code outOfService} out of order in the (mocked)
     * catalog, numbered from 101 on; returns them, in service first.
     */
    public static List<RoomInfo> rooms(RoomTypeRef rt, int inService, int outOfService) {
        List<RoomInfo> rooms = new ArrayList<>();
        for (int i = 0; i < inService + outOfService; i++) {
            rooms.add(new RoomInfo(nextId(), Integer.toString(101 + i), 1, rt.roomTypeId(), i < inService));
        }
        ROOMS.merge(rt.hotelId(), rooms, (old, added) -> {
            List<RoomInfo> all = new ArrayList<>(old);
            all.addAll(added);
            return List.copyOf(all);
        });
        return rooms;
    }

    /** Takes a room out of service in the (mocked) catalog. */
    public static void outOfService(RoomTypeRef rt, long roomId) {
        ROOMS.computeIfPresent(rt.hotelId(), (hotel, rooms) -> rooms.stream().map(room -> room.id() != roomId ? room
                : new RoomInfo(room.id(), room.number(), room.floor(), room.roomTypeId(), false)).toList());
    }

    /** {@link #NIGHT_PRICE} for every night of the stay, total for all rooms. */
    public static StayPrice flatPrice(LocalDate start, LocalDate end, int rooms) {
        int nights = (int) ChronoUnit.DAYS.between(start, end);
        return new StayPrice("EUR", Collections.nCopies(nights, NIGHT_PRICE), NIGHT_PRICE * nights * rooms);
    }

    public static LocalDate utcToday() {
        return LocalDate.now(ZoneOffset.UTC);
    }

    public static Date date(LocalDate d) {
        return Date.newBuilder().setYear(d.getYear()).setMonth(d.getMonthValue()).setDay(d.getDayOfMonth()).build();
    }

    public static DateRange range(LocalDate start, LocalDate end) {
        return DateRange.newBuilder().setStartDate(date(start)).setEndDate(date(end)).build();
    }

    /**
     * A booking paid with {@code tok_pending}, which the scripted payment-svc leaves processing: the reservation stays
     * pending, as the tests of inventory, idempotency and cancellation want it. The saga tests choose their tokens.
     */
    public static CreateReservationRequest booking(String id, RoomTypeRef rt, LocalDate start, LocalDate end, int rooms,
            String guest) {
        return booking(id, rt, start, end, rooms, guest, "tok_pending");
    }

    public static CreateReservationRequest booking(String id, RoomTypeRef rt, LocalDate start, LocalDate end, int rooms,
            String guest, String paymentToken) {
        return CreateReservationRequest.newBuilder().setReservationId(id).setHotelId(rt.hotelId())
                .setRoomTypeId(rt.roomTypeId()).setStay(range(start, end)).setRooms(rooms).setGuestId(guest)
                .setPaymentToken(paymentToken).build();
    }
}
