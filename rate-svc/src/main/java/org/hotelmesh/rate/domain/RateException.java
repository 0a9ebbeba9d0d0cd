package org.hotelmesh.rate.domain;

/** Base of the typed domain errors; {@code grpc.GrpcErrors} maps each subtype to one status code. */
public abstract sealed class RateException extends RuntimeException
        permits InvalidInput, NotFound, PreconditionFailed, CatalogUnavailable, OccupancyUnavailable {

    protected RateException(String message) {
        super(message, null, false, false);
    }
}
