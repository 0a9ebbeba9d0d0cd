package org.hotelmesh.edge.client;

import io.grpc.Status;

/**
 * hotel-svc could not answer (UNAVAILABLE or DEADLINE_EXCEEDED): the only failures worth a retry and the only ones
 * the circuit breaker counts.
 */
public class DownstreamUnavailableException extends RuntimeException {

    private final Status.Code code;

    public DownstreamUnavailableException(Status.Code code, Throwable cause) {
        super("hotel-svc answered " + code, cause);
        this.code = code;
    }

    public Status.Code code() {
        return code;
    }
}
