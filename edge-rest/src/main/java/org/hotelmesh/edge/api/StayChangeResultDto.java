package org.hotelmesh.edge.api;

/** The answer to a change of stay: the reservation as it stands and the change itself. */
public record StayChangeResultDto(ReservationDto reservation, StayChangeDto change) {
}
