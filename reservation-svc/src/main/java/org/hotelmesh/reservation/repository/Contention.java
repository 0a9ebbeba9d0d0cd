package org.hotelmesh.reservation.repository;

/**
 * A concurrent writer got there first: an inventory row's version moved since it was read, or another transaction
 * inserted the same reservation id. Never leaves the service: the engine rolls back, backs off and re-reads.
 */
public final class Contention extends RuntimeException {

    public Contention(String message) {
        super(message, null, false, false);
    }
}
