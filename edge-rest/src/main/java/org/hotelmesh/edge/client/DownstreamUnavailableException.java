package org.hotelmesh.edge.client;

import io.grpc.Status;

/**
 * A downstream service could not answer (UNAVAILABLE or DEADLINE_EXCEEDED): the only failures worth a retry and the
 * only ones the circuit breakers count.
 */
public class DownstreamUnavailableException extends RuntimeException {

    private final Downstream downstream;
    private final Status.Code code;

    /** hotel-svc could not answer. */
    public DownstreamUnavailableException(Status.Code code, Throwable cause) {
        this(Downstream.CATALOG, code, cause);
    }

    public DownstreamUnavailableException(Downstream downstream, Status.Code code, Throwable cause) {
        super(downstream.service() + " answered " + code, cause);
        this.downstream = downstream;
        this.code = code;
    }

    public Downstream downstream() {
        return downstream;
    }

    public Status.Code code() {
        return code;
    }
}
