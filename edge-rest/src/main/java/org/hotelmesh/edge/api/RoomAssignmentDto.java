package org.hotelmesh.edge.api;

/**
 * A room given to a checked-in stay for the nights [startDate, endDate); a room move ends one and starts another.
 * {@code outOfService} is true on the front desk's lists when the room was taken out of service since: move the guest.
 */
public record RoomAssignmentDto(String roomID, String roomNumber, String startDate, String endDate,
                                boolean outOfService) {
}
