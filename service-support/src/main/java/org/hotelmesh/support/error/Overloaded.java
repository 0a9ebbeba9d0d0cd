package org.hotelmesh.support.error;

import java.time.Duration;

import io.grpc.Status;

/**
 * Too much is waiting already: the request is turned away at once, before any work, with when to try again
 * (RESOURCE_EXHAUSTED with a {@code google.rpc.RetryInfo}; 429 with Retry-After at the edge). A busy service says
 * "slow down"; it neither queues without bound nor lets deadlines expire inside it.
 */
public class Overloaded extends ServiceException {

    private final Duration retryAfter;

    public Overloaded(String message, Duration retryAfter) {
        super(Status.Code.RESOURCE_EXHAUSTED, message);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
