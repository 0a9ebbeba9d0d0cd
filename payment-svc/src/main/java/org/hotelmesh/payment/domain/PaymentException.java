package org.hotelmesh.payment.domain;

/** Base of the typed domain errors; {@code grpc.GrpcErrors} maps each subtype to one status code. */
public abstract sealed class PaymentException extends RuntimeException
        permits InvalidInput, NotFound, PreconditionFailed {

    protected PaymentException(String message) {
        super(message, null, false, false);
    }
}
