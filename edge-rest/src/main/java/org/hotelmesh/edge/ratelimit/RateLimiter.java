package org.hotelmesh.edge.ratelimit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hotelmesh.edge.config.RateLimitConfig;
import org.jboss.logging.Logger;

import java.time.Clock;

/**
 * Fixed-window counters in Redis, shared by every edge replica. One round trip per request: a Lua script does the
 * INCR and, for the window's first request, the EXPIRE, so a key never outlives its window.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    static final String SCRIPT = """
            local count = redis.call('INCR', KEYS[1])
            if count == 1 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
            return count""";

    private final ReactiveRedisDataSource redis;
    private final RateLimitConfig config;
    private final Clock clock;

    public RateLimiter(ReactiveRedisDataSource redis, RateLimitConfig config) {
        this.redis = redis;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** The Redis key counting {@code identity}'s requests in the window that contains {@code epochMillis}. */
    public String key(String identity, long epochMillis) {
        return "ratelimit:" + identity + ":" + windowStartSeconds(epochMillis);
    }

    public Uni<RateLimitDecision> hit(String identity) {
        long now = clock.millis();
        long windowMillis = Math.max(1000, config.window().toMillis());
        long windowStart = now - Math.floorMod(now, windowMillis);
        long retryAfter = Math.max(1, (windowStart + windowMillis - now + 999) / 1000);
        int limit = config.requests();
        String ttlSeconds = String.valueOf(Math.max(1, windowMillis / 1000));
        return redis.execute("EVAL", SCRIPT, "1", key(identity, now), ttlSeconds)
                .ifNoItem().after(config.redisTimeout()).fail()
                .map(reply -> {
                    long count = reply.toLong();
                    return new RateLimitDecision(true, count <= limit, limit, Math.max(0, limit - count), retryAfter);
                })
                .onFailure().recoverWithItem(failure -> {
                    // A Redis outage must not become an API outage: let the request through uncounted.
                    LOG.warnf("rate limit not enforced, Redis failed: %s", failure.toString());
                    return RateLimitDecision.uncounted(limit);
                });
    }

    private long windowStartSeconds(long epochMillis) {
        long windowMillis = Math.max(1000, config.window().toMillis());
        return (epochMillis - Math.floorMod(epochMillis, windowMillis)) / 1000;
    }
}
