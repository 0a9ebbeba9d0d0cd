package org.hotelmesh.edge.client;

import io.grpc.StatusRuntimeException;

/**
 * A downstream service answered with a status that says nothing to the client (INTERNAL, UNKNOWN, ...): a 502 whose
 * detail names the service but not its internals.
 */
public class DownstreamFailedException extends RuntimeException {

    private final Downstream downstream;

    public DownstreamFailedException(Downstream downstream, StatusRuntimeException cause) {
        super(downstream.service() + " answered " + cause.getStatus(), cause);
        this.downstream = downstream;
    }

    public Downstream downstream() {
        return downstream;
    }
}
