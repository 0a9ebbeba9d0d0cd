package org.hotelmesh.hotel.domain;

/** A room type with its computed room counts. */
public record RoomType(long id, long hotelId, RoomTypeInput details, int roomCount, int roomsInService) {
}
