package org.hotelmesh.reservation.domain;

import org.hotelmesh.support.error.ServiceException;

import io.grpc.Status;

/**
 * The room asked for is another stay's on a night this one needs (another desk gave it away a moment ago): ABORTED,
 * worth trying again with another room.
 */
public final class RoomTaken extends ServiceException {

    public RoomTaken(String roomNumber, String when) {
        super(Status.Code.ABORTED, "room " + roomNumber + " is taken " + when + "; pick another room");
    }

    /** The database refused the assignment (another desk committed the same room a moment before). */
    public static RoomTaken meanwhile(String when) {
        return new RoomTaken("asked for", when);
    }
}
