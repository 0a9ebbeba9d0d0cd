package org.hotelmesh.hotel.domain;

/** A room type's count of rooms in service as of a hotel version: what reservation-svc's inventory follows. */
public record RoomTypeCapacity(long hotelId, long roomTypeId, int roomsInService, long catalogVersion) {
}
