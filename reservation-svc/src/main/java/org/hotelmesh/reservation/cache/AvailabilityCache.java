package org.hotelmesh.reservation.cache;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.config.AvailabilityCacheConfig;
import org.hotelmesh.reservation.domain.InventoryNight;
import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;

/**
 * Remaining rooms per night in Redis, key {@code {hotelId}_{roomTypeId}_{date}}, value = remaining. Advisory only:
 * written after a commit, read by GetAvailability, never by a booking. Redis trouble never fails a request; it only
 * means the database answers.
 */
@ApplicationScoped
public class AvailabilityCache {

    private static final Logger LOG = Logger.getLogger(AvailabilityCache.class);
    private static final long WARN_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();

    /** One night of one room type. */
    public record NightKey(long roomTypeId, LocalDate date) {
    }

    private final ReactiveValueCommands<String, Integer> values;
    private final ReactiveRedisDataSource redis;
    private final AvailabilityCacheConfig config;
    private final AtomicLong lastWarn = new AtomicLong(System.nanoTime() - WARN_INTERVAL_NANOS);

    public AvailabilityCache(ReactiveRedisDataSource redis, AvailabilityCacheConfig config) {
        this.redis = redis;
        this.values = redis.value(Integer.class);
        this.config = config;
    }

    public static String key(long hotelId, long roomTypeId, LocalDate date) {
        return hotelId + "_" + roomTypeId + "_" + date;
    }

    /** The cached remaining counts; a night missing from the map was not cached (or Redis did not answer). */
    public Uni<Map<NightKey, Integer>> get(long hotelId, List<NightKey> nights) {
        if (!config.enabled() || nights.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        String[] keys = nights.stream().map(n -> key(hotelId, n.roomTypeId(), n.date())).toArray(String[]::new);
        return guard(values.mget(keys).map(found -> {
            Map<NightKey, Integer> result = new LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                Integer remaining = found.get(keys[i]);
                if (remaining != null) {
                    result.put(nights.get(i), remaining);
                }
            }
            return result;
        }), "read", Map.of());
    }

    /** Stores the committed state of these rows. */
    public Uni<Void> put(long hotelId, Collection<InventoryNight> nights) {
        if (!config.enabled() || nights.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        SetArgs ttl = new SetArgs().px(config.ttl());
        List<Uni<Void>> writes = new ArrayList<>(nights.size());
        for (InventoryNight night : nights) {
            writes.add(values.set(key(hotelId, night.roomTypeId(), night.date()), night.remaining(), ttl));
        }
        return guard(Uni.join().all(writes).andCollectFailures().replaceWithVoid(), "write", null);
    }

    /** Drops these nights (capacity, maintenance or ratio changed); the next read repopulates them. */
    public Uni<Void> evict(long hotelId, long roomTypeId, Collection<LocalDate> dates) {
        if (!config.enabled() || dates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] keys = dates.stream().map(d -> key(hotelId, roomTypeId, d)).toArray(String[]::new);
        return guard(redis.key().del(keys).replaceWithVoid(), "evict", null);
    }

    private <T> Uni<T> guard(Uni<T> command, String what, T fallback) {
        return command.ifNoItem().after(config.timeout()).fail()
                .onFailure().recoverWithItem(failure -> {
                    warn(what, failure);
                    return fallback;
                });
    }

    /** At most one WARN a minute: an outage must not flood the log (or burn the CPU the fallback needs). */
    private void warn(String what, Throwable failure) {
        long now = System.nanoTime();
        long last = lastWarn.get();
        if (now - last >= WARN_INTERVAL_NANOS && lastWarn.compareAndSet(last, now)) {
            LOG.warnf("availability cache %s skipped, the database answers (repeats at DEBUG for a minute): %s",
                    what, failure.toString());
        } else {
            LOG.debugf("availability cache %s skipped: %s", what, failure);
        }
    }
}
