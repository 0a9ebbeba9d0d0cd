package org.hotelmesh.reservation.domain;

import java.time.LocalDate;

import org.hotelmesh.support.error.PreconditionFailed;

/**
 * A night has no inventory row: the date is beyond the sales horizon, or hotel-svc never reported the room type's
 * capacity (maps to FAILED_PRECONDITION).
 */
public final class NoInventory extends PreconditionFailed {

    public NoInventory(long hotelId, long roomTypeId, LocalDate night) {
        super("room type " + roomTypeId + " of hotel " + hotelId + " is not on sale for the night of " + night
                + " (dates are sold up to two years ahead, once the hotel has reported the room type's capacity)");
    }
}
