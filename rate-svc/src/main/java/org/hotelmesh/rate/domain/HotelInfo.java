package org.hotelmesh.rate.domain;

import java.time.ZoneId;
import java.util.Set;

/** What pricing needs from the catalog: the hotel's calendar and its room types. */
public record HotelInfo(long hotelId, ZoneId timeZone, Set<Long> roomTypeIds) {

    public HotelInfo {
        roomTypeIds = Set.copyOf(roomTypeIds);
    }

    public boolean hasRoomType(long roomTypeId) {
        return roomTypeIds.contains(roomTypeId);
    }
}
