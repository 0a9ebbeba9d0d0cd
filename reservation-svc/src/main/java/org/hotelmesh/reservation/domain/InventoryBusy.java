package org.hotelmesh.reservation.domain;

import org.hotelmesh.support.error.ServiceException;

import io.grpc.Status;

/** Every optimistic-locking attempt lost to a concurrent writer (maps to ABORTED: the client may retry). */
public final class InventoryBusy extends ServiceException {

    public InventoryBusy(int attempts) {
        super(Status.Code.ABORTED, "the inventory is busy (" + attempts + " attempts lost to concurrent bookings);"
                + " retry");
    }
}
