package org.hotelmesh.edge.ratelimit;

/**
 * The outcome of counting one request. {@code counted} is false when Redis could not be asked (fail open):
 * then only the limit is known.
 */
public record RateLimitDecision(boolean counted, boolean allowed, int limit, long remaining, long retryAfterSeconds) {

    public static RateLimitDecision uncounted(int limit) {
        return new RateLimitDecision(false, true, limit, -1, 0);
    }
}
