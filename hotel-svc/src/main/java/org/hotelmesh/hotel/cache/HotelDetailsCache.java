package org.hotelmesh.hotel.cache;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.hotel.config.CacheConfig;
import org.hotelmesh.support.ThrottledWarning;
import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Read-through cache of hotel details in Redis, invalidated by generations.
 * <p>
 * Keys: {@code hotel:{h:ID}:gen} (an integer, absent = 0) and {@code hotel:{h:ID}:details:GEN}, e.g.
 * {@code hotel:{h:42}:details:3}. {@code {h:ID}} is the hash tag: in a Redis Cluster a hotel's keys share one slot, so
 * the script that bumps the generation may delete the details key it derives from it (Redis refuses a script that
 * reaches into another slot), and hotels spread over the nodes.
 * <p>
 * A reader reads the generation first, then the details of that generation; on a miss it reads the database and
 * stores the result under the generation it read <em>before</em> reading the database. A writer commits its
 * transaction and only then increments the generation, before answering its client.
 * <p>
 * Why no reader can see stale details after a write was acknowledged: a reader that stores stale data must have
 * read the database before the commit, so it read the generation before the increment and stores under the old
 * generation. Every reader that starts after the acknowledgement reads the new generation, whose details can only
 * come from a database read made after the commit. The increment also deletes any leftover details of the new
 * generation (possible when the generation key expired and numbers restart from 0), atomically in one script.
 * <p>
 * Redis is an optimisation: if it fails or is slow, reads go to the database and writes still succeed.
 */
@ApplicationScoped
public class HotelDetailsCache {

    private static final Logger LOG = Logger.getLogger(HotelDetailsCache.class);
    private static final ThrottledWarning OUTAGE = new ThrottledWarning(LOG, Duration.ofMinutes(1));

    // KEYS[1] = gen key, ARGV[1] = gen ttl in ms, ARGV[2] = details key prefix (the same hash tag as KEYS[1])
    private static final String BUMP_GENERATION = """
            local gen = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            redis.call('DEL', ARGV[2] .. gen)
            return gen""";

    /** Turns cached bytes back into a value; may throw when the bytes are corrupt. */
    @FunctionalInterface
    public interface Decoder<T> {
        T decode(byte[] bytes) throws Exception;
    }

    private final ReactiveRedisDataSource redis;
    private final ReactiveValueCommands<String, String> generations;
    private final ReactiveValueCommands<String, byte[]> details;
    private final CacheConfig config;

    public HotelDetailsCache(ReactiveRedisDataSource redis, CacheConfig config) {
        this.redis = redis;
        this.generations = redis.value(String.class);
        this.details = redis.value(byte[].class);
        this.config = config;
    }

    public static String generationKey(long hotelId) {
        return "hotel:{h:" + hotelId + "}:gen";
    }

    public static String detailsKey(long hotelId, long generation) {
        return detailsKeyPrefix(hotelId) + generation;
    }

    private static String detailsKeyPrefix(long hotelId) {
        return "hotel:{h:" + hotelId + "}:details:";
    }

    /** The cached value of the hotel, or the loader's value (then cached); loader failures pass through. */
    public <T> Uni<T> getOrLoad(long hotelId, Decoder<T> decoder, Function<T, byte[]> encoder,
            Supplier<Uni<T>> loader) {
        if (!config.enabled()) {
            return Uni.createFrom().deferred(() -> loader.get());
        }
        Executor requestContext = currentContext();
        return readGeneration(hotelId).emitOn(requestContext).flatMap(gen -> {
            if (gen == null) {
                return Uni.createFrom().deferred(() -> loader.get());
            }
            return readDetails(hotelId, gen, decoder).emitOn(requestContext).flatMap(hit -> hit != null
                    ? Uni.createFrom().item(hit)
                    : Uni.createFrom().deferred(() -> loader.get())
                            .call(value -> store(hotelId, gen, encoder.apply(value)).emitOn(requestContext)));
        });
    }

    /** Call after the transaction that changed the hotel committed, before answering; never fails. */
    public Uni<Void> invalidate(long hotelId) {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        Executor requestContext = currentContext();
        String genTtlMillis = Long.toString(config.detailsTtl().multipliedBy(2).toMillis());
        return redis.execute("EVAL", BUMP_GENERATION, "1", generationKey(hotelId), genTtlMillis,
                detailsKeyPrefix(hotelId))
                .ifNoItem().after(config.timeout()).fail()
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("could not invalidate cached details of hotel %d; they may be stale for up to %s: %s",
                            hotelId, config.detailsTtl(), e.toString());
                    return null;
                })
                .emitOn(requestContext);
    }

    /** The current generation, or null when Redis cannot be used. */
    private Uni<Long> readGeneration(long hotelId) {
        return generations.get(generationKey(hotelId))
                .ifNoItem().after(config.timeout()).fail()
                .map(raw -> raw == null ? 0L : Long.parseLong(raw))
                .onFailure().recoverWithItem(e -> {
                    OUTAGE.warn("cache unavailable reading the generation of hotel " + hotelId + "; using the database", e);
                    return null;
                });
    }

    /** The cached details, or null on a miss, on corrupt bytes or when Redis fails. */
    private <T> Uni<T> readDetails(long hotelId, long gen, Decoder<T> decoder) {
        return details.get(detailsKey(hotelId, gen))
                .ifNoItem().after(config.timeout()).fail()
                .onFailure().recoverWithItem(e -> {
                    OUTAGE.warn("cache unavailable reading details of hotel " + hotelId + "; using the database", e);
                    return null;
                })
                .map(bytes -> {
                    if (bytes == null) {
                        return null;
                    }
                    try {
                        return decoder.decode(bytes);
                    } catch (Exception e) {
                        // Corrupt entry: reload from the database, which overwrites it.
                        OUTAGE.warn("cached details of hotel " + hotelId + " are corrupt; reloading them", e);
                        return null;
                    }
                });
    }

    private Uni<Void> store(long hotelId, long gen, byte[] bytes) {
        return details.set(detailsKey(hotelId, gen), bytes, new SetArgs().px(config.detailsTtl()))
                .ifNoItem().after(config.timeout()).fail()
                .onFailure().recoverWithItem(e -> {
                    OUTAGE.warn("cache unavailable storing details of hotel " + hotelId, e);
                    return null;
                });
    }

    /**
     * Continuations after a Redis call (or its timeout, which fires on another thread) must run on the caller's
     * Vert.x context, because the database loader opens a Hibernate Reactive session bound to it.
     */
    private static Executor currentContext() {
        Context ctx = Vertx.currentContext();
        if (ctx == null) {
            return Runnable::run;
        }
        return command -> {
            if (Vertx.currentContext() == ctx) {
                command.run();
            } else {
                ctx.runOnContext(ignored -> command.run());
            }
        };
    }
}
