package org.hotelmesh.reservation.cache;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.config.AvailabilityCacheConfig;
import org.hotelmesh.reservation.domain.InventoryNight;
import org.hotelmesh.support.ThrottledWarning;
import org.jboss.logging.Logger;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;

/**
 * Remaining rooms per night in Redis, key {@code avail:{h:HOTEL}:ROOM_TYPE:DATE} (e.g.
 * {@code avail:{h:42}:7:2031-05-01}), value = remaining. Advisory only: written after a commit, read by
 * GetAvailability, never by a booking. Redis trouble never fails a request; it only means the database answers.
 *
 * <p>{@code {h:HOTEL}} is the hash tag: every command here is for one hotel (each method takes one), so in a Redis
 * Cluster all its keys, the versions beside them included, share one slot. One MGET and one script per call, as on a
 * single Redis; spread over slots they would be refused (CROSSSLOT), or split by the client into several commands
 * whose MGET answers come back out of order.
 *
 * <p>Writes happen after commits, so two of them for one night can arrive out of order (a booking and a cancel
 * racing, or a capacity change overtaking a booking's write). Every write therefore carries the row's version
 * (which the database bumps on every update) and a script applies it only when it is newer than the version kept
 * beside the value in {@code {key}:v}: an older state never replaces a newer one. A capacity, maintenance or ratio
 * change drops the value and raises the kept version, so the next read reloads it from the database.
 */
@ApplicationScoped
public class AvailabilityCache {

    private static final Logger LOG = Logger.getLogger(AvailabilityCache.class);
    private static final ThrottledWarning OUTAGE = new ThrottledWarning(LOG, Duration.ofMinutes(1));

    // KEYS = value keys; ARGV[1] = ttl in ms, then per key: version, remaining. An equal version is the same state
    // (every update bumps it), which is how a night dropped at version v is cached again from the database's v.
    private static final String PUT_IF_NEWER = """
            for i, key in ipairs(KEYS) do
              local version = tonumber(ARGV[2 * i])
              if version >= tonumber(redis.call('GET', key .. ':v') or '-1') then
                redis.call('SET', key, ARGV[2 * i + 1], 'PX', ARGV[1])
                redis.call('SET', key .. ':v', version, 'PX', ARGV[1])
              end
            end
            return 0""";

    // KEYS = value keys; ARGV[1] = ttl in ms, then per key: version
    private static final String DROP_IF_NEWER = """
            for i, key in ipairs(KEYS) do
              local version = tonumber(ARGV[i + 1])
              if version > tonumber(redis.call('GET', key .. ':v') or '-1') then
                redis.call('DEL', key)
                redis.call('SET', key .. ':v', version, 'PX', ARGV[1])
              end
            end
            return 0""";

    /** One night of one room type. */
    public record NightKey(long roomTypeId, LocalDate date) {
    }

    private final ReactiveValueCommands<String, Integer> values;
    private final ReactiveRedisDataSource redis;
    private final AvailabilityCacheConfig config;

    public AvailabilityCache(ReactiveRedisDataSource redis, AvailabilityCacheConfig config) {
        this.redis = redis;
        this.values = redis.value(Integer.class);
        this.config = config;
    }

    public static String key(long hotelId, long roomTypeId, LocalDate date) {
        return "avail:{h:" + hotelId + "}:" + roomTypeId + ":" + date;
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

    /** Stores the committed state of these rows, night by night unless a newer state is already there. */
    public Uni<Void> put(long hotelId, Collection<InventoryNight> nights) {
        if (!config.enabled() || nights.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>(3 + nights.size() * 3);
        args.add(PUT_IF_NEWER);
        args.add(String.valueOf(nights.size()));
        for (InventoryNight night : nights) {
            args.add(key(hotelId, night.roomTypeId(), night.date()));
        }
        args.add(String.valueOf(config.ttl().toMillis()));
        for (InventoryNight night : nights) {
            args.add(String.valueOf(night.version()));
            args.add(String.valueOf(night.remaining()));
        }
        return guard(redis.execute("EVAL", args.toArray(String[]::new)).replaceWithVoid(), "write", null);
    }

    /**
     * Drops these nights (their capacity, maintenance or ratio changed; the values are the rows' new versions) so the
     * next read repopulates them, and keeps any older write still on its way from putting them back.
     */
    public Uni<Void> invalidate(long hotelId, long roomTypeId, Map<LocalDate, Long> versions) {
        if (!config.enabled() || versions.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>(3 + versions.size() * 2);
        args.add(DROP_IF_NEWER);
        args.add(String.valueOf(versions.size()));
        versions.keySet().forEach(date -> args.add(key(hotelId, roomTypeId, date)));
        args.add(String.valueOf(config.ttl().toMillis()));
        versions.values().forEach(version -> args.add(String.valueOf(version)));
        return guard(redis.execute("EVAL", args.toArray(String[]::new)).replaceWithVoid(), "invalidate", null);
    }

    private <T> Uni<T> guard(Uni<T> command, String what, T fallback) {
        return command.ifNoItem().after(config.timeout()).fail()
                .onFailure().recoverWithItem(failure -> {
                    OUTAGE.warn("availability cache " + what + " skipped, the database answers", failure);
                    return fallback;
                });
    }
}
