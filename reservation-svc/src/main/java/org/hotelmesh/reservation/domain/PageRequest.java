package org.hotelmesh.reservation.domain;

import java.time.LocalDate;

/** A validated page request: size and the keyset position (start date, reservation id) to continue after. */
public record PageRequest(int size, LocalDate afterStartDate, String afterReservationId) {

    public boolean first() {
        return afterReservationId == null;
    }
}
