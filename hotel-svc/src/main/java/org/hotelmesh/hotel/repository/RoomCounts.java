package org.hotelmesh.hotel.repository;

/** How many rooms a room type has, and how many of them can be sold. */
public record RoomCounts(int total, int inService) {

    public static final RoomCounts NONE = new RoomCounts(0, 0);
}
