package org.hotelmesh.edge.client;

import io.grpc.Status;

/**
 * A downstream service could not answer (UNAVAILABLE or DEADLINE_EXCEEDED): the only failures worth a retry and the
 * only ones the circuit breakers count.
 */
public class DownstreamUnavailableException extends RuntimeException {

    private final Downstream downstream;
    private final Status.Code code;
    private final String explanation;

    /**
     * {@code explanation}: the service's own message when it answered UNAVAILABLE itself because something it depends
     * on is down, shown to the client as it is; null when the service could not be reached or did not answer.
     */
    public DownstreamUnavailableException(Downstream downstream, Status.Code code, String explanation,
                                          Throwable cause) {
        super(downstream.service() + " answered " + code, cause);
        this.downstream = downstream;
        this.code = code;
        this.explanation = explanation;
    }

    public String explanation() {
        return explanation;
    }

    public Downstream downstream() {
        return downstream;
    }

    public Status.Code code() {
        return code;
    }
}
