package org.hotelmesh.hotel.domain;

import java.util.List;

/** A hotel with its room types ordered by id. */
public record HotelDetails(Hotel hotel, List<RoomType> roomTypes) {
}
