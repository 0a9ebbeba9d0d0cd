package org.hotelmesh.edge.api;

/** A room as the API shows it. */
public record RoomDto(String id, String hotelID, String roomTypeID, String number, int floor, boolean inService) {
}
