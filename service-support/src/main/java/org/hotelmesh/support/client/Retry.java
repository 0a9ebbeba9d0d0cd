package org.hotelmesh.support.client;

/** Which unanswered calls a {@link DownstreamGuard} tries again; decided per call, by what the call does. */
public enum Retry {
    /** A write that must not run twice: never retried. */
    NEVER,
    /**
     * Only calls that never reached the service (UNAVAILABLE): safe for anything, and what a call that may still be
     * running there (past its deadline) must not be, so that a slow service is not sent the same work again.
     */
    WHEN_UNREACHABLE,
    /** Reads and idempotent writes: also after a deadline, since running them twice does no harm. */
    WHEN_UNREACHABLE_OR_SLOW
}
