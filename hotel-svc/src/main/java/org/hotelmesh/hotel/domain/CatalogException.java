package org.hotelmesh.hotel.domain;

/** Base of the typed domain errors; the gRPC adapter maps each subtype to one status code. */
public abstract sealed class CatalogException extends RuntimeException
        permits NotFound, Conflict, InvalidInput, PreconditionFailed, ReservationsUnavailable {

    protected CatalogException(String message) {
        super(message, null, false, false);
    }
}
