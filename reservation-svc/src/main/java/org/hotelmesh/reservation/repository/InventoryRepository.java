package org.hotelmesh.reservation.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.domain.InventoryNight;
import org.hotelmesh.reservation.domain.StockNight;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL over room_type_inventory, room_type_capacity and overbooking_setting. Every method takes the client to run on,
 * so use cases decide what shares a transaction. The guard trigger bumps {@code version} on every update.
 */
@ApplicationScoped
public class InventoryRepository {

    private static final String NIGHT_COLUMNS = "room_type_id, night, rooms_in_service, maintenance, total_inventory, "
            + "total_reserved, overbooking_ratio, floor(total_inventory * overbooking_ratio)::int AS sellable_limit, "
            + "version";

    /** The rows of one room type for dates in [from, to), by date. */
    public Uni<List<InventoryNight>> nights(SqlClient client, long hotelId, long roomTypeId, LocalDate from,
            LocalDate to) {
        return client.preparedQuery("""
                SELECT %s FROM room_type_inventory
                WHERE hotel_id = $1 AND room_type_id = $2 AND night >= $3 AND night < $4 ORDER BY night
                """.formatted(NIGHT_COLUMNS))
                .execute(Tuple.of(hotelId, roomTypeId, from, to))
                .map(InventoryRepository::toNights);
    }

    /** The rows of several room types of a hotel for dates in [from, to), by room type and date. */
    public Uni<List<InventoryNight>> nights(SqlClient client, long hotelId, List<Long> roomTypeIds, LocalDate from,
            LocalDate to) {
        return client.preparedQuery("""
                SELECT %s FROM room_type_inventory
                WHERE hotel_id = $1 AND room_type_id = ANY($2) AND night >= $3 AND night < $4
                ORDER BY room_type_id, night
                """.formatted(NIGHT_COLUMNS))
                .execute(Tuple.of(hotelId, roomTypeIds.toArray(Long[]::new), from, to))
                .map(InventoryRepository::toNights);
    }

    /**
     * Every row of these hotels for dates in [from, to): one statement whatever the number of hotels (the primary key
     * serves each hotel's range). What the stay search filters and prices by.
     */
    public Uni<List<StockNight>> stock(SqlClient client, Long[] hotelIds, LocalDate from, LocalDate to) {
        return client.preparedQuery("""
                SELECT hotel_id, room_type_id, night, total_inventory, total_reserved,
                greatest(floor(total_inventory * overbooking_ratio)::int - total_reserved, 0) AS remaining
                FROM room_type_inventory
                WHERE hotel_id = ANY($1) AND night >= $2 AND night < $3
                """)
                .execute(Tuple.of(hotelIds, from, to))
                .map(rows -> {
                    List<StockNight> nights = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        nights.add(new StockNight(row.getLong("hotel_id"), row.getLong("room_type_id"),
                                row.getLocalDate("night"), row.getInteger("remaining"),
                                row.getInteger("total_inventory"), row.getInteger("total_reserved")));
                    }
                    return nights;
                });
    }

    /**
     * Sets total_reserved of the given nights, each only if its version is still the one that was read. Returns the
     * rows written; fewer than {@code dates.length} means a concurrent writer won (the caller rolls back).
     */
    public Uni<List<InventoryNight>> setReservedIfUnchanged(SqlClient client, long hotelId, long roomTypeId,
            LocalDate[] dates, Long[] versions, Integer[] reserved) {
        return client.preparedQuery("""
                UPDATE room_type_inventory t SET total_reserved = v.reserved
                FROM unnest($3::date[], $4::bigint[], $5::int[]) AS v(night, version, reserved)
                WHERE t.hotel_id = $1 AND t.room_type_id = $2 AND t.night = v.night
                AND t.version = v.version
                RETURNING
                """ + prefixed("t."))
                .execute(Tuple.of(hotelId, roomTypeId, dates, versions, reserved))
                .map(InventoryRepository::toNights);
    }

    /** Gives back {@code rooms} on every night in [from, to); relative, so it needs no version check. */
    public Uni<List<InventoryNight>> release(SqlClient client, long hotelId, long roomTypeId, LocalDate from,
            LocalDate to, int rooms) {
        return client.preparedQuery("""
                UPDATE room_type_inventory SET total_reserved = total_reserved - $5
                WHERE hotel_id = $1 AND room_type_id = $2 AND night >= $3 AND night < $4
                RETURNING
                """ + NIGHT_COLUMNS)
                .execute(Tuple.of(hotelId, roomTypeId, from, to, rooms))
                .map(InventoryRepository::toNights);
    }

    /** Records a capacity report unless a newer one was applied already; true when applied. */
    public Uni<Boolean> recordCapacity(SqlClient client, long hotelId, long roomTypeId, int roomsInService,
            long catalogVersion) {
        return client.preparedQuery("""
                INSERT INTO room_type_capacity (hotel_id, room_type_id, rooms_in_service,
                catalog_version) VALUES ($1, $2, $3, $4)
                ON CONFLICT (hotel_id, room_type_id) DO UPDATE
                SET rooms_in_service = EXCLUDED.rooms_in_service,
                catalog_version = EXCLUDED.catalog_version, updated_at = now()
                WHERE room_type_capacity.catalog_version <= EXCLUDED.catalog_version
                """)
                .execute(Tuple.of(hotelId, roomTypeId, roomsInService, catalogVersion))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Creates the missing rows in [from, to] with the given capacity and ratio; returns how many were created. */
    public Uni<Integer> createMissing(SqlClient client, long hotelId, long roomTypeId, int roomsInService,
            BigDecimal ratio, LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return Uni.createFrom().item(0);
        }
        List<LocalDate> nights = from.datesUntil(to.plusDays(1)).toList();
        StringBuilder sql = new StringBuilder("INSERT INTO room_type_inventory (hotel_id, room_type_id, night,"
                + " rooms_in_service, overbooking_ratio) VALUES ");
        Tuple args = Tuple.tuple();
        for (LocalDate night : nights) {
            sql.append(args.size() == 0 ? "" : ", ").append(ValuesRows.row(args.size(), 5));
            args.addLong(hotelId).addLong(roomTypeId).addLocalDate(night).addInteger(roomsInService)
                    .addBigDecimal(ratio);
        }
        return client.preparedQuery(sql.append(" ON CONFLICT DO NOTHING").toString())
                .execute(args)
                .map(RowSet::rowCount);
    }

    /** Sets rooms_in_service of rows from {@code from} on; returns the rows that changed, with their new versions. */
    public Uni<Map<LocalDate, Long>> setRoomsInService(SqlClient client, long hotelId, long roomTypeId, int roomsInService,
            LocalDate from) {
        return client.preparedQuery("""
                UPDATE room_type_inventory SET rooms_in_service = $3
                WHERE hotel_id = $1 AND room_type_id = $2 AND night >= $4 AND rooms_in_service <> $3
                RETURNING night, version
                """)
                .execute(Tuple.of(hotelId, roomTypeId, roomsInService, from))
                .map(InventoryRepository::toVersions);
    }

    /** Sets maintenance on the existing rows in [from, to); returns those rows with their new versions. */
    public Uni<Map<LocalDate, Long>> setMaintenance(SqlClient client, long hotelId, long roomTypeId, LocalDate from, LocalDate to,
            int rooms) {
        return client.preparedQuery("""
                UPDATE room_type_inventory SET maintenance = $5
                WHERE hotel_id = $1 AND room_type_id = $2 AND night >= $3 AND night < $4
                RETURNING night, version
                """)
                .execute(Tuple.of(hotelId, roomTypeId, from, to, rooms))
                .map(InventoryRepository::toVersions);
    }

    public Uni<Optional<BigDecimal>> ratio(SqlClient client, long hotelId, long roomTypeId) {
        return client.preparedQuery("SELECT ratio FROM overbooking_setting WHERE hotel_id = $1 AND room_type_id = $2")
                .execute(Tuple.of(hotelId, roomTypeId))
                .map(rows -> rows.size() == 0 ? Optional.<BigDecimal>empty()
                        : Optional.of(rows.iterator().next().getBigDecimal("ratio")));
    }

    /** Stores the ratio and applies it to rows from {@code from} on; returns the rows that changed, with versions. */
    public Uni<Map<LocalDate, Long>> setRatio(SqlClient client, long hotelId, long roomTypeId, BigDecimal ratio,
            LocalDate from) {
        return client.preparedQuery("""
                INSERT INTO overbooking_setting (hotel_id, room_type_id, ratio) VALUES ($1, $2, $3)
                ON CONFLICT (hotel_id, room_type_id) DO UPDATE SET ratio = EXCLUDED.ratio, updated_at = now()
                """)
                .execute(Tuple.of(hotelId, roomTypeId, ratio))
                .flatMap(ignored -> client.preparedQuery("""
                        UPDATE room_type_inventory SET overbooking_ratio = $3
                        WHERE hotel_id = $1 AND room_type_id = $2 AND night >= $4
                        AND overbooking_ratio <> $3 RETURNING night, version
                        """)
                        .execute(Tuple.of(hotelId, roomTypeId, ratio, from)))
                .map(InventoryRepository::toVersions);
    }

    /** The room types of a hotel that have had a capacity report. */
    public Uni<List<Long>> roomTypes(SqlClient client, long hotelId) {
        return client.preparedQuery("""
                SELECT room_type_id FROM room_type_capacity WHERE hotel_id = $1
                ORDER BY room_type_id
                """)
                .execute(Tuple.of(hotelId))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong(0)));
                    return ids;
                });
    }

    /**
     * Tries to take the roll-forward lock for this transaction; false when another replica holds it (it is doing
     * the same work, and ON CONFLICT would make ours a no-op anyway).
     */
    public Uni<Boolean> tryRollForwardLock(SqlClient client) {
        return client.query("SELECT pg_try_advisory_xact_lock(hashtext('room_type_inventory_roll_forward'))")
                .execute()
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /**
     * Creates the dates in [from, to] that are missing for every room type with rooms in service, continuing after
     * each room type's last existing date, hotel by hotel (a hotel's statements carry its id, so each stays on the
     * hotel's shard). Idempotent: ON CONFLICT DO NOTHING. Returns how many rows were created.
     */
    public Uni<Integer> rollForward(SqlClient client, LocalDate from, LocalDate to, BigDecimal defaultRatio) {
        return client.preparedQuery("""
                SELECT hotel_id, room_type_id, rooms_in_service FROM room_type_capacity
                WHERE rooms_in_service > 0 ORDER BY hotel_id, room_type_id
                """)
                .execute()
                .flatMap(rows -> {
                    Map<Long, Map<Long, Integer>> hotels = new TreeMap<>();
                    rows.forEach(row -> hotels.computeIfAbsent(row.getLong("hotel_id"), h -> new TreeMap<>())
                            .put(row.getLong("room_type_id"), row.getInteger("rooms_in_service")));
                    return Multi.createFrom().iterable(hotels.entrySet())
                            .onItem().transformToUniAndConcatenate(hotel -> rollForwardHotel(client, hotel.getKey(),
                                    hotel.getValue(), from, to, defaultRatio))
                            .collect().with(Collectors.summingInt(Integer::intValue));
                });
    }

    private Uni<Integer> rollForwardHotel(SqlClient client, long hotelId, Map<Long, Integer> roomTypes, LocalDate from,
            LocalDate to, BigDecimal defaultRatio) {
        Uni<Map<Long, LocalDate>> lastNights = client.preparedQuery("""
                SELECT room_type_id, max(night) AS last FROM room_type_inventory WHERE hotel_id = $1
                GROUP BY room_type_id
                """)
                .execute(Tuple.of(hotelId))
                .map(rows -> {
                    Map<Long, LocalDate> last = new HashMap<>();
                    rows.forEach(row -> last.put(row.getLong("room_type_id"), row.getLocalDate("last")));
                    return last;
                });
        Uni<Map<Long, BigDecimal>> ratios = client.preparedQuery(
                        "SELECT room_type_id, ratio FROM overbooking_setting WHERE hotel_id = $1")
                .execute(Tuple.of(hotelId))
                .map(rows -> {
                    Map<Long, BigDecimal> set = new HashMap<>();
                    rows.forEach(row -> set.put(row.getLong("room_type_id"), row.getBigDecimal("ratio")));
                    return set;
                });
        return Uni.combine().all().unis(lastNights, ratios).asTuple()
                .flatMap(known -> Multi.createFrom().iterable(roomTypes.entrySet())
                        .onItem().transformToUniAndConcatenate(type -> {
                            LocalDate last = known.getItem1().get(type.getKey());
                            LocalDate first = last == null || last.isBefore(from) ? from : last.plusDays(1);
                            return createMissing(client, hotelId, type.getKey(), type.getValue(),
                                    known.getItem2().getOrDefault(type.getKey(), defaultRatio), first, to);
                        })
                        .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    private static String prefixed(String alias) {
        return alias + "room_type_id, " + alias + "night, " + alias + "rooms_in_service, " + alias + "maintenance, "
                + alias + "total_inventory, " + alias + "total_reserved, " + alias + "overbooking_ratio, "
                + "floor(" + alias + "total_inventory * " + alias + "overbooking_ratio)::int AS sellable_limit, "
                + alias + "version";
    }

    private static List<InventoryNight> toNights(RowSet<Row> rows) {
        List<InventoryNight> nights = new ArrayList<>(rows.size());
        for (Row row : rows) {
            nights.add(new InventoryNight(row.getLong("room_type_id"), row.getLocalDate("night"),
                    row.getInteger("rooms_in_service"), row.getInteger("maintenance"),
                    row.getInteger("total_inventory"), row.getInteger("total_reserved"),
                    row.getBigDecimal("overbooking_ratio"), row.getInteger("sellable_limit"), row.getLong("version")));
        }
        return nights;
    }

    private static Map<LocalDate, Long> toVersions(RowSet<Row> rows) {
        Map<LocalDate, Long> versions = new TreeMap<>();
        rows.forEach(row -> versions.put(row.getLocalDate("night"), row.getLong("version")));
        return versions;
    }
}
