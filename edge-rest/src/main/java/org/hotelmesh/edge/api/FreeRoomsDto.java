package org.hotelmesh.edge.api;

import java.util.List;

/** Rooms of a type that are in service and given to no stay on any of the nights asked (the room picker). */
public record FreeRoomsDto(List<FreeRoom> rooms) {

    public record FreeRoom(String roomID, String number, int floor) {
    }
}
