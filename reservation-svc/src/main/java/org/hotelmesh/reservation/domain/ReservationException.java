package org.hotelmesh.reservation.domain;

/** Base of the typed domain errors; {@code grpc.GrpcErrors} maps each subtype to one status code. */
public abstract sealed class ReservationException extends RuntimeException
        permits InvalidInput, NotFound, SoldOut, NoInventory, ReservationConflict, PreconditionFailed,
        InventoryBusy, CatalogUnavailable, PricingUnavailable, PaymentsUnavailable {

    protected ReservationException(String message) {
        super(message, null, false, false);
    }
}
