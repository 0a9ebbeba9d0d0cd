package org.hotelmesh.reservation.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.cache.AvailabilityCache.NightKey;
import org.hotelmesh.reservation.cache.AvailabilityCache;
import org.hotelmesh.reservation.config.InventoryConfig;
import org.hotelmesh.reservation.domain.InventoryNight;
import org.hotelmesh.reservation.domain.NightAvailability;
import org.hotelmesh.reservation.domain.StockNight;
import org.hotelmesh.reservation.repository.InventoryRepository;
import org.hotelmesh.support.catalog.CatalogLookup;
import org.hotelmesh.support.error.PreconditionFailed;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Inventory use cases: capacity reports from hotel-svc, maintenance, the overbooking ratio, availability and the
 * daily roll-forward. Every change that lowers what is sellable succeeds even below what is already sold (those
 * nights just become unsellable); nothing here ever cancels a reservation.
 */
@ApplicationScoped
public class Inventory {

    private static final Logger LOG = Logger.getLogger(Inventory.class);

    private final Pool pool;
    private final InventoryRepository inventory;
    private final AvailabilityCache cache;
    private final InventoryConfig config;
    private final Clock clock;
    private final CatalogLookup catalog;

    public Inventory(Pool pool, InventoryRepository inventory,
            AvailabilityCache cache, InventoryConfig config, Clock clock, CatalogLookup catalog) {
        this.catalog = catalog;
        this.pool = pool;
        this.inventory = inventory;
        this.cache = cache;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Applies hotel-svc's count of rooms in service: creates the rows of the sales horizon that are missing (with
     * the room type's ratio) and updates the future ones. Reports older than the last applied catalog version are
     * ignored (false), so a late retry cannot undo a newer change.
     */
    public Uni<Boolean> setCapacity(long hotelId, long roomTypeId, int roomsInService, long catalogVersion) {
        ReservationValidator.ids(hotelId, roomTypeId, false);
        ReservationValidator.count("roomsInService", roomsInService, 100_000);
        LocalDate today = SalesCalendar.earliestToday(clock);
        LocalDate last = today.plusDays(config.horizonDays() - 1L);
        return pool.withTransaction(conn -> inventory.recordCapacity(conn, hotelId, roomTypeId, roomsInService,
                        catalogVersion)
                .flatMap(applied -> {
                    if (!applied) {
                        LOG.infof("ignored capacity report for hotel %d room type %d at catalog version %d: a newer"
                                + " one was applied", hotelId, roomTypeId, catalogVersion);
                        return Uni.createFrom().item((Map<LocalDate, Long>) null);
                    }
                    return ratioOf(conn, hotelId, roomTypeId)
                            .flatMap(ratio -> inventory.createMissing(conn, hotelId, roomTypeId, roomsInService,
                                    ratio, today, last))
                            .flatMap(created -> inventory.setRoomsInService(conn, hotelId, roomTypeId,
                                    roomsInService, today));
                }))
                .call(changed -> changed == null ? Uni.createFrom().voidItem()
                        : cache.invalidate(hotelId, roomTypeId, changed))
                .map(changed -> changed != null);
    }

    /** Takes {@code rooms} out of sale on every date in [from, to) (0 puts them back). */
    public Uni<Void> setMaintenance(long hotelId, long roomTypeId, LocalDate from, LocalDate to, int rooms) {
        ReservationValidator.range(hotelId, roomTypeId, false, from, to);
        ReservationValidator.count("rooms", rooms, 100_000);
        long days = from.datesUntil(to).count();
        return catalog.known(hotelId, roomTypeId).chain(() -> pool.withTransaction(conn -> inventory.setMaintenance(conn, hotelId, roomTypeId, from, to, rooms)
                        .invoke(updated -> {
                            if (updated.size() != days) {
                                throw new PreconditionFailed("room type " + roomTypeId + " of hotel " + hotelId
                                        + " has inventory for " + updated.size() + " of the " + days + " dates from " + from
                                        + " to " + to + "; maintenance can only be set within the sales horizon");
                            }
                        }))
                .call(changed -> cache.invalidate(hotelId, roomTypeId, changed))
                .replaceWithVoid());
    }

    public Uni<BigDecimal> ratio(long hotelId, long roomTypeId) {
        ReservationValidator.ids(hotelId, roomTypeId, false);
        return catalog.knownForReading(hotelId, roomTypeId).chain(() -> ratioOf(pool, hotelId, roomTypeId));
    }

    /** Stores the ratio and applies it to today's and later rows; past rows keep theirs. */
    public Uni<BigDecimal> setRatio(long hotelId, long roomTypeId, double requested) {
        ReservationValidator.ids(hotelId, roomTypeId, false);
        BigDecimal ratio = ReservationValidator.ratio(requested);
        return catalog.known(hotelId, roomTypeId).chain(() -> pool.withTransaction(conn -> inventory.setRatio(conn, hotelId,
                        roomTypeId, ratio, SalesCalendar.earliestToday(clock)))
                .call(changed -> cache.invalidate(hotelId, roomTypeId, changed))
                .replaceWith(ratio));
    }

    /**
     * Remaining rooms per room type and night in [from, to). Served from the cache when it has every night asked
     * for; otherwise read from PostgreSQL and written back to the cache. A night without inventory shows 0.
     */
    public Uni<Map<Long, List<NightAvailability>>> availability(long hotelId, long roomTypeId, LocalDate from,
            LocalDate to) {
        ReservationValidator.range(hotelId, roomTypeId, true, from, to);
        Uni<List<Long>> roomTypes = roomTypeId != 0 ? Uni.createFrom().item(List.of(roomTypeId))
                : inventory.roomTypes(pool, hotelId);
        List<LocalDate> dates = from.datesUntil(to).toList();
        return catalog.knownForReading(hotelId, roomTypeId).chain(() -> roomTypes).flatMap(types -> {
            List<NightKey> keys = new ArrayList<>();
            types.forEach(type -> dates.forEach(date -> keys.add(new NightKey(type, date))));
            return cache.get(hotelId, keys).flatMap(cached -> {
                if (cached.size() == keys.size() && !keys.isEmpty()) {
                    Map<Long, List<NightAvailability>> result = new LinkedHashMap<>();
                    keys.forEach(k -> result.computeIfAbsent(k.roomTypeId(), t -> new ArrayList<>())
                            .add(new NightAvailability(k.roomTypeId(), k.date(), cached.get(k), null, null)));
                    return Uni.createFrom().item(result);
                }
                return fromDatabase(hotelId, types, dates, from, to);
            });
        });
    }

    /**
     * Every room type's night of these hotels in [from, to), in one read of PostgreSQL: the stay search's filter and
     * occupancy. Not from the availability cache, which keeps rooms left but not the occupancy prices follow.
     */
    public Uni<List<StockNight>> stock(List<Long> hotelIds, LocalDate from, LocalDate to) {
        ReservationValidator.stock(hotelIds, from, to);
        return inventory.stock(pool, hotelIds.stream().distinct().toArray(Long[]::new), from, to);
    }

    /** The rows themselves, for staff. */
    public Uni<List<InventoryNight>> rows(long hotelId, long roomTypeId, LocalDate from, LocalDate to) {
        ReservationValidator.range(hotelId, roomTypeId, false, from, to);
        return catalog.knownForReading(hotelId, roomTypeId).chain(() -> inventory.nights(pool, hotelId, roomTypeId, from, to));
    }


    @Scheduled(identity = "inventory-roll-forward", cron = "${hotelmesh.inventory.roll-forward-cron:0 15 0 * * ?}",
            timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledRollForward() {
        return rollForward(SalesCalendar.earliestToday(clock))
                .invoke(created -> LOG.infof("inventory roll-forward created %d rows", created))
                .replaceWithVoid();
    }

    /**
     * Creates the missing dates up to {@code today + horizon} for every room type with rooms in service. Idempotent
     * (ON CONFLICT DO NOTHING) and safe with several replicas; the advisory lock only spares duplicate work.
     * Returns the number of rows created (0 when another replica holds the lock).
     */
    public Uni<Integer> rollForward(LocalDate today) {
        LocalDate last = today.plusDays(config.horizonDays() - 1L);
        return pool.withTransaction(conn -> inventory.tryRollForwardLock(conn).flatMap(locked -> locked
                ? inventory.rollForward(conn, today, last, config.defaultOverbookingRatio())
                : Uni.createFrom().item(0)));
    }

    private Uni<BigDecimal> ratioOf(SqlClient client, long hotelId, long roomTypeId) {
        return inventory.ratio(client, hotelId, roomTypeId).map(r -> r.orElse(config.defaultOverbookingRatio()));
    }

    private Uni<Map<Long, List<NightAvailability>>> fromDatabase(long hotelId, List<Long> types,
            List<LocalDate> dates, LocalDate from, LocalDate to) {
        if (types.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return inventory.nights(pool, hotelId, types, from, to)
                .call(nights -> cache.put(hotelId, nights))
                .map(nights -> {
                    Map<Long, Map<LocalDate, InventoryNight>> byType = new HashMap<>();
                    nights.forEach(n -> byType.computeIfAbsent(n.roomTypeId(), t -> new HashMap<>()).put(n.date(), n));
                    Map<Long, List<NightAvailability>> result = new LinkedHashMap<>();
                    for (long type : types) {
                        Map<LocalDate, InventoryNight> rows = byType.getOrDefault(type, Map.of());
                        List<NightAvailability> list = new ArrayList<>(dates.size());
                        for (LocalDate date : dates) {
                            InventoryNight night = rows.get(date);
                            list.add(night == null ? new NightAvailability(type, date, 0, 0, 0)
                                    : NightAvailability.of(night));
                        }
                        result.put(type, list);
                    }
                    return result;
                });
    }
}
