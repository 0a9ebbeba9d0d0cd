package org.hotelmesh.reservation.domain;

import java.time.LocalDate;

/**
 * A room given to a checked-in stay for the nights [{@code from}, {@code to}). {@code outOfService}: hotel-svc now
 * says the room is out of service (known only where the front desk asked; false otherwise).
 */
public record RoomAssignment(long roomId, String roomNumber, LocalDate from, LocalDate to, boolean outOfService) {

    public RoomAssignment outOfService(boolean out) {
        return new RoomAssignment(roomId, roomNumber, from, to, out);
    }

    public boolean covers(LocalDate night) {
        return !night.isBefore(from) && night.isBefore(to);
    }
}
