package org.hotelmesh.reservation.domain;

/** Every optimistic-locking attempt lost to a concurrent writer (maps to ABORTED: the client may retry). */
public final class InventoryBusy extends ReservationException {

    public InventoryBusy(int attempts) {
        super("the inventory is busy (" + attempts + " attempts lost to concurrent bookings); retry");
    }
}
