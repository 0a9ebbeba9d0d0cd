package org.hotelmesh.edge.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * The body of POST /v1/reservations/{id}/room-moves: the room the guest leaves, and the room they move to from today
 * (left out: reservation-svc picks a free room of the booked type).
 */
public record RoomMoveInput(
        @NotNull(message = "is required: the room the guest leaves") @Positive(message = "must be a positive id")
        Long fromRoomID,
        @Positive(message = "must be a positive id") Long toRoomID) {
}
