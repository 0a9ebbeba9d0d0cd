package org.hotelmesh.hotel.domain;

public record RoomInput(String number, int floor, long roomTypeId, boolean inService) {
}
