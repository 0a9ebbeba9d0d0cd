package org.hotelmesh.support.catalog;

import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What a service needs from the catalog to sell a hotel's nights: its calendar, its room types, and whether its staff
 * took it off sale (then it takes no new bookings or quotes).
 */
public record HotelInfo(long hotelId, ZoneId timeZone, Set<Long> roomTypeIds, boolean offSale) {

    public HotelInfo {
        roomTypeIds = Set.copyOf(roomTypeIds);
    }

    /** A hotel on sale. */
    public HotelInfo(long hotelId, ZoneId timeZone, Set<Long> roomTypeIds) {
        this(hotelId, timeZone, roomTypeIds, false);
    }

    /** From GetHotel's answer: the hotel's id, its IANA time zone, its room types' ids and whether it is off sale. */
    public static HotelInfo of(long hotelId, String timeZone, Stream<Long> roomTypeIds, boolean offSale) {
        return new HotelInfo(hotelId, ZoneId.of(timeZone), roomTypeIds.collect(Collectors.toSet()), offSale);
    }

    /** Why a new booking or quote is refused here, when the hotel is off sale. */
    public String offSaleReason() {
        return "hotel " + hotelId + " is off sale: it takes no new bookings or quotes";
    }

    public boolean hasRoomType(long roomTypeId) {
        return roomTypeIds.contains(roomTypeId);
    }
}
