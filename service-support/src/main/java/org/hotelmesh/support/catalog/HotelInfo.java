package org.hotelmesh.support.catalog;

import java.time.ZoneId;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What a service needs from the catalog to sell a hotel's nights: its calendar and its room types. */
public record HotelInfo(long hotelId, ZoneId timeZone, Set<Long> roomTypeIds) {

    public HotelInfo {
        roomTypeIds = Set.copyOf(roomTypeIds);
    }

    /** From GetHotel's answer: the hotel's id, its IANA time zone and its room types' ids. */
    public static HotelInfo of(long hotelId, String timeZone, Stream<Long> roomTypeIds) {
        return new HotelInfo(hotelId, ZoneId.of(timeZone), roomTypeIds.collect(Collectors.toSet()));
    }

    public boolean hasRoomType(long roomTypeId) {
        return roomTypeIds.contains(roomTypeId);
    }
}
