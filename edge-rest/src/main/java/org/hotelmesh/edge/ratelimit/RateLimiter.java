package org.hotelmesh.edge.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.edge.config.RateLimitConfig;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;

/**
 * Fixed-window counters in Redis, shared by every edge replica: one round trip per request, a Lua script that
 * increments every bucket the request counts in and, for a window's first request, sets its expiry, so a key never
 * outlives its window.
 *
 * <p>Keys: {@code ratelimit:{IDENTITY}:BUCKET:WINDOW}, e.g. {@code ratelimit:{sub:guest-42}:api:1700000040}. The
 * identity is the hash tag, so in a Redis Cluster all of one client's counters live in one slot and the script, which
 * touches several of them, runs there; different clients spread over the nodes. Braces inside an identity change
 * nothing: Redis hashes what lies between the first '{' and the next '}', a part all of one identity's keys share, and
 * never empty, since an identity starts with {@code sub:} or {@code ip:}.
 *
 * <p>When Redis fails or is slower than {@code redis-timeout}, the replica keeps limiting with counters of its own
 * (the same windows and limits, per replica) and leaves Redis alone for {@code redis-retry-after}, so a dead Redis
 * costs one timeout per interval, not one per request, and never lets a flood through uncounted.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    /** What a request counts against: every request against the API bucket, the costly writes also against theirs. */
    public enum Bucket {
        API("api"), WRITES("writes");

        private final String prefix;

        Bucket(String prefix) {
            this.prefix = prefix;
        }
    }

    static final String SCRIPT = """
            local counts = {}
            for i, key in ipairs(KEYS) do
              counts[i] = redis.call('INCR', key)
              if counts[i] == 1 then redis.call('EXPIRE', key, ARGV[1]) end
            end
            return counts""";

    private final ReactiveRedisDataSource redis;
    private final RateLimitConfig config;
    private final Clock clock;
    private final Cache<String, AtomicLong> local;
    private volatile long redisRetryAt;

    public RateLimiter(ReactiveRedisDataSource redis, RateLimitConfig config) {
        this.redis = redis;
        this.config = config;
        this.clock = Clock.systemUTC();
        this.local = Caffeine.newBuilder().maximumSize(config.localClients())
                .expireAfterWrite(windowMillis() * 2, java.util.concurrent.TimeUnit.MILLISECONDS).build();
    }

    /** The key counting {@code identity}'s requests of {@code bucket} in the window that contains {@code epochMillis}. */
    public String key(Bucket bucket, String identity, long epochMillis) {
        return "ratelimit:{" + identity + "}:" + bucket.prefix + ":" + windowStart(epochMillis) / 1000;
    }

    /** Counts one request of {@code identity} in each of {@code buckets}. */
    public Uni<RateLimitDecision> hit(String identity, List<Bucket> buckets) {
        long now = clock.millis();
        List<String> keys = new ArrayList<>(buckets.size());
        buckets.forEach(bucket -> keys.add(key(bucket, identity, now)));
        if (now < redisRetryAt) {
            return Uni.createFrom().item(locally(buckets, keys, now));
        }
        List<String> args = new ArrayList<>(List.of(SCRIPT, String.valueOf(keys.size())));
        args.addAll(keys);
        args.add(String.valueOf(Math.max(1, windowMillis() / 1000)));
        return redis.execute("EVAL", args.toArray(String[]::new))
                .ifNoItem().after(config.redisTimeout()).fail()
                .map(reply -> decide(buckets, counts(reply), now, false))
                .onFailure().recoverWithItem(failure -> {
                    redisRetryAt = clock.millis() + config.redisRetryAfter().toMillis();
                    LOG.warnf("rate limits counted in this replica for %s: Redis failed (%s)",
                            config.redisRetryAfter(), failure.toString());
                    return locally(buckets, keys, now);
                });
    }

    private RateLimitDecision locally(List<Bucket> buckets, List<String> keys, long now) {
        long[] counts = new long[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            counts[i] = local.get(keys.get(i), k -> new AtomicLong()).incrementAndGet();
        }
        return decide(buckets, counts, now, true);
    }

    /** The decision of the bucket with the least left: refused when any bucket is over its limit. */
    private RateLimitDecision decide(List<Bucket> buckets, long[] counts, long now, boolean local) {
        long windowStart = windowStart(now);
        long retryAfter = Math.max(1, (windowStart + windowMillis() - now + 999) / 1000);
        RateLimitDecision tightest = null;
        for (int i = 0; i < buckets.size(); i++) {
            int limit = limit(buckets.get(i));
            RateLimitDecision decision = new RateLimitDecision(counts[i] <= limit, limit,
                    Math.max(0, limit - counts[i]), retryAfter, local);
            if (tightest == null || !decision.allowed() && tightest.allowed()
                    || decision.allowed() == tightest.allowed() && decision.remaining() < tightest.remaining()) {
                tightest = decision;
            }
        }
        return tightest;
    }

    private int limit(Bucket bucket) {
        return bucket == Bucket.WRITES ? config.writeRequests() : config.requests();
    }

    private static long[] counts(Response reply) {
        long[] counts = new long[reply.size()];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = reply.get(i).toLong();
        }
        return counts;
    }

    private long windowMillis() {
        return Math.max(Duration.ofSeconds(1).toMillis(), config.window().toMillis());
    }

    private long windowStart(long epochMillis) {
        return epochMillis - Math.floorMod(epochMillis, windowMillis());
    }
}
