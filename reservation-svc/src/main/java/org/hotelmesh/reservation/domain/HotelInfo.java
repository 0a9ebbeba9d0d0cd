package org.hotelmesh.reservation.domain;

import java.time.ZoneId;
import java.util.Set;

/** What reservations need from the catalog: the hotel's calendar and its room types. */
public record HotelInfo(long hotelId, ZoneId timeZone, Set<Long> roomTypeIds) {
}
