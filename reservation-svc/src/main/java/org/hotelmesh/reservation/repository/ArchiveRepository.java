package org.hotelmesh.reservation.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Moves rows from the hot tables into the archive schema (V8__archive.sql). Each method runs inside the caller's
 * transaction: what it picks is locked (SKIP LOCKED, so replicas archiving at once take different rows) and copied and
 * deleted before the transaction commits, so a row is always in exactly one of the two places.
 */
@ApplicationScoped
public class ArchiveRepository {

    /** The tables that hang off a reservation, moved before it (their foreign keys point at it). */
    private static final List<String> CHILD_TABLES = List.of("reservation_status_change", "room_assignment",
            "reservation_change");

    /**
     * Locks up to {@code limit} final stays that departed before {@code endedBefore} and have nothing left open (no
     * charge of unknown outcome, no refund owed, on the booking or on any of its changes); oldest departure first.
     */
    public Uni<List<String>> lockEndedStays(SqlClient tx, LocalDate endedBefore, int limit) {
        return tx.preparedQuery("""
                SELECT r.reservation_id FROM reservation r
                WHERE r.end_date < $1 AND r.status IN ('rejected', 'canceled', 'refunded', 'checked_out', 'no_show')
                AND r.payment_state <> 'charging' AND r.refund_state <> 'requested'
                AND NOT EXISTS (SELECT 1 FROM reservation_change c WHERE c.reservation_id = r.reservation_id
                AND (c.state = 'charging' OR c.refund_state = 'requested'))
                ORDER BY r.end_date LIMIT $2 FOR UPDATE OF r SKIP LOCKED
                """)
                .execute(Tuple.of(endedBefore, limit))
                .map(rows -> {
                    List<String> ids = new ArrayList<>(rows.size());
                    rows.forEach(row -> ids.add(row.getString(0)));
                    return ids;
                });
    }

    /** Moves these reservations with their history, rooms and changes; returns how many reservations moved. */
    public Uni<Integer> moveStays(SqlClient tx, List<String> ids) {
        Tuple args = Tuple.of(ids.toArray(String[]::new));
        Uni<Void> children = Uni.createFrom().voidItem();
        for (String table : CHILD_TABLES) {
            children = children.chain(() -> move(tx, table, args).replaceWithVoid());
        }
        return children.chain(() -> move(tx, "reservation", args));
    }

    private static Uni<Integer> move(SqlClient tx, String table, Tuple ids) {
        return tx.preparedQuery("""
                WITH moved AS (DELETE FROM %1$s WHERE reservation_id = ANY($1) RETURNING *)
                INSERT INTO archive.%1$s SELECT * FROM moved
                """.formatted(table))
                .execute(ids)
                .map(RowSet::rowCount);
    }

    /**
     * Moves up to {@code limit} inventory nights before {@code nightsBefore}; returns how many moved. A night still
     * covered by a pending reservation stays: when that hold ends, its release must find every night it held.
     */
    public Uni<Integer> movePastNights(SqlClient tx, LocalDate nightsBefore, int limit) {
        return tx.preparedQuery("""
                WITH moved AS (DELETE FROM room_type_inventory WHERE (hotel_id, room_type_id, night) IN (
                SELECT i.hotel_id, i.room_type_id, i.night FROM room_type_inventory i WHERE i.night < $1
                AND NOT EXISTS (SELECT 1 FROM reservation r WHERE r.status = 'pending' AND r.hotel_id = i.hotel_id
                AND r.room_type_id = i.room_type_id AND r.start_date <= i.night AND r.end_date > i.night)
                ORDER BY i.night LIMIT $2 FOR UPDATE OF i SKIP LOCKED) RETURNING *)
                INSERT INTO archive.room_type_inventory SELECT * FROM moved
                """)
                .execute(Tuple.of(nightsBefore, limit))
                .map(RowSet::rowCount);
    }
}
