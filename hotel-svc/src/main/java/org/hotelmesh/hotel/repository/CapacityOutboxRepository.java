package org.hotelmesh.hotel.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.hotel.domain.RoomTypeCapacity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The capacity outbox (V2 migration). The enqueue methods run in the caller's catalog transaction (the current
 * Hibernate Reactive session), so a count is queued if and only if the change that produced it commits. The
 * delivery methods run on the reactive pool, outside any request, each statement on its own.
 */
@ApplicationScoped
public class CapacityOutboxRepository {

    /**
     * The newest count wins; the version guard only matters for reconcile, whose snapshot may be older than a
     * catalog write that committed meanwhile. enqueued_at and attempts are kept: they tell how long the room type
     * has been out of sync.
     */
    private static final String ON_CONFLICT = " ON CONFLICT (room_type_id) DO UPDATE SET hotel_id = EXCLUDED.hotel_id,"
            + " rooms_in_service = EXCLUDED.rooms_in_service, catalog_version = EXCLUDED.catalog_version"
            + " WHERE o.catalog_version <= EXCLUDED.catalog_version";

    private static final String ENQUEUE_COUNT = """
            INSERT INTO capacity_outbox AS o
            (room_type_id, hotel_id, rooms_in_service, catalog_version) VALUES (:roomType, :hotel,
            (SELECT CAST(count(*) AS int) FROM room r WHERE r.room_type_id = :roomType AND r.in_service),
            :version)
            """ + ON_CONFLICT;

    private static final String ENQUEUE_HOTEL_REMOVAL = """
            INSERT INTO capacity_outbox AS o
            (room_type_id, hotel_id, rooms_in_service, catalog_version)
            SELECT t.id, t.hotel_id, 0, CAST(:version AS bigint) FROM room_type t WHERE t.hotel_id = :hotel
            """
            + ON_CONFLICT;

    private static final String ENQUEUE_ALL = """
            INSERT INTO capacity_outbox AS o
            (room_type_id, hotel_id, rooms_in_service, catalog_version)
            SELECT t.id, t.hotel_id, CAST(count(r.id) FILTER (WHERE r.in_service) AS int), h.version
            FROM room_type t JOIN hotel h ON h.id = t.hotel_id LEFT JOIN room r ON r.room_type_id = t.id
            GROUP BY t.id, t.hotel_id, h.version
            """ + ON_CONFLICT;

    private static final String COLUMNS = """
            SELECT hotel_id, room_type_id, rooms_in_service, catalog_version
            FROM capacity_outbox
            """;

    private final Pool pool;

    public CapacityOutboxRepository(Pool pool) {
        this.pool = pool;
    }

    // ---- in the catalog transaction

    /**
     * Queues the room type's current count of rooms in service (0 when it has no rooms or no longer exists) at the
     * given hotel version. Flushes first so that the count sees the transaction's own changes.
     */
    public Uni<Void> enqueueCount(long hotelId, long roomTypeId, long catalogVersion) {
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery(ENQUEUE_COUNT)
                        .setParameter("roomType", roomTypeId)
                        .setParameter("hotel", hotelId)
                        .setParameter("version", catalogVersion)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    /** Queues 0 for every room type of the hotel; call before deleting the hotel (the cascade removes them). */
    public Uni<Void> enqueueHotelRemoval(long hotelId, long catalogVersion) {
        return Panache.getSession().chain(session -> session.flush()
                .chain(() -> session.createNativeQuery(ENQUEUE_HOTEL_REMOVAL)
                        .setParameter("hotel", hotelId)
                        .setParameter("version", catalogVersion)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    // ---- delivery, on the pool

    /** Queues every room type's current count at its hotel's current version; returns how many rows changed. */
    public Uni<Integer> enqueueAll() {
        return pool.query(ENQUEUE_ALL).execute().map(RowSet::rowCount);
    }

    public Uni<List<RoomTypeCapacity>> pendingOfHotel(long hotelId, int limit) {
        return pool.preparedQuery(COLUMNS + " WHERE hotel_id = $1 ORDER BY enqueued_at, room_type_id LIMIT $2")
                .execute(Tuple.of(hotelId, limit))
                .map(CapacityOutboxRepository::toCapacities);
    }

    public Uni<List<RoomTypeCapacity>> oldestPending(int limit) {
        return pool.preparedQuery(COLUMNS + " ORDER BY enqueued_at, room_type_id LIMIT $1")
                .execute(Tuple.of(limit))
                .map(CapacityOutboxRepository::toCapacities);
    }

    /**
     * Removes the row if it still holds the delivered version; a newer count queued during the call stays queued.
     * True when the row was removed.
     */
    public Uni<Boolean> deleteDelivered(RoomTypeCapacity delivered) {
        return pool.preparedQuery("DELETE FROM capacity_outbox WHERE room_type_id = $1 AND catalog_version = $2")
                .execute(Tuple.of(delivered.roomTypeId(), delivered.catalogVersion()))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> recordFailure(long roomTypeId, String error) {
        return pool.preparedQuery("""
                UPDATE capacity_outbox SET attempts = attempts + 1, last_error = $2
                WHERE room_type_id = $1
                """)
                .execute(Tuple.of(roomTypeId, error))
                .replaceWithVoid();
    }

    private static List<RoomTypeCapacity> toCapacities(RowSet<Row> rows) {
        List<RoomTypeCapacity> result = new ArrayList<>(rows.size());
        for (Row row : rows) {
            result.add(new RoomTypeCapacity(row.getLong("hotel_id"), row.getLong("room_type_id"),
                    row.getInteger("rooms_in_service"), row.getLong("catalog_version")));
        }
        return result;
    }
}
