package org.hotelmesh.hotel.domain;

public record Room(long id, long hotelId, RoomInput details) {
}
