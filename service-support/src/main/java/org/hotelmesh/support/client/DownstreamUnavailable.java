package org.hotelmesh.support.client;

import org.hotelmesh.support.error.DependencyUnavailable;

import io.grpc.Status;

/**
 * A downstream service gave no answer: unreachable (UNAVAILABLE), too slow (DEADLINE_EXCEEDED), or its circuit is
 * open. The only failures the guards retry and count. It names the service, so a caller never parses a message to
 * know who failed; a service that passes it on answers UNAVAILABLE with its message.
 */
public class DownstreamUnavailable extends DependencyUnavailable {

    /** Why there was no answer. */
    public enum Reason {
        /** The call did not reach the service, or the service said UNAVAILABLE itself. */
        UNREACHABLE(Status.Code.UNAVAILABLE),
        /** The deadline passed; the call may still be running there. */
        TOO_SLOW(Status.Code.DEADLINE_EXCEEDED),
        /** The service failed too often lately, so the call was not tried. */
        CIRCUIT_OPEN(Status.Code.UNAVAILABLE);

        private final Status.Code code;

        Reason(Status.Code code) {
            this.code = code;
        }

        public Status.Code code() {
            return code;
        }
    }

    private final String service;
    private final Reason reason;
    private final String explanation;
    private final boolean retryable;

    DownstreamUnavailable(String service, Reason reason, String message, String explanation, boolean retryable,
            Throwable cause) {
        super(message, cause);
        this.service = service;
        this.reason = reason;
        this.explanation = explanation;
        this.retryable = retryable;
    }

    /** {@code service} could not be reached: what a client fails with when a call got no answer at all. */
    public static DownstreamUnavailable unreachable(String service, String message) {
        return of(service, Reason.UNREACHABLE, message, null);
    }

    /** For callers that stand in for a client (tests): the failure a guard would have produced. */
    public static DownstreamUnavailable of(String service, Reason reason, String message, String explanation) {
        return new DownstreamUnavailable(service, reason, message, explanation, reason != Reason.CIRCUIT_OPEN, null);
    }

    /** The downstream's name, as in {@code hotelmesh.clients.<service>}: "rate-svc". */
    public String service() {
        return service;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * The downstream's own words when it answered UNAVAILABLE itself because something it depends on is down; null
     * when it could not be reached or did not answer.
     */
    public String explanation() {
        return explanation;
    }

    /** Whether the guard may try the call again: never for a call that may have run (see {@link Retry}). */
    boolean retryable() {
        return retryable;
    }
}
