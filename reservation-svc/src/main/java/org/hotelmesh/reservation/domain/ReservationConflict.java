package org.hotelmesh.reservation.domain;

import java.util.List;

import org.hotelmesh.support.error.Conflict;

/** The reservation id is taken by a booking with a different payload (maps to ALREADY_EXISTS). */
public final class ReservationConflict extends Conflict {

    private final List<String> differingFields;

    public ReservationConflict(String reservationId, List<String> differingFields) {
        super("reservationID " + reservationId + " is already used by a different booking (differs in "
                + String.join(", ", differingFields) + "); use a new reservationID for a new booking");
        this.differingFields = List.copyOf(differingFields);
    }

    public List<String> differingFields() {
        return differingFields;
    }
}
