package org.hotelmesh.edge.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * The body of POST /v1/reservations/{id}/check-in (optional): one room per booked room, of the booked type; left out
 * or empty, reservation-svc picks free rooms.
 */
public record CheckInInput(
        @Size(max = 9, message = "must name at most 9 rooms, one per booked room")
        List<@NotNull(message = "must be a room id") @Positive(message = "must be a positive id") Long> roomIDs) {
}
