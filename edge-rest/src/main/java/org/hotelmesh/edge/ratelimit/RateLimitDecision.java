package org.hotelmesh.edge.ratelimit;

/**
 * The outcome of counting one request against the bucket that is nearest its limit. {@code local}: counted in this
 * edge replica's own counters because Redis could not be asked (each replica then allows the limit on its own).
 */
public record RateLimitDecision(boolean allowed, int limit, long remaining, long retryAfterSeconds, boolean local) {
}
