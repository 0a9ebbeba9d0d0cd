package org.hotelmesh.reservation.repository;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.domain.RoomAssignment;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL over room_assignment: the rooms of checked-in stays. The table's exclusion constraint refuses a room on a night
 * it already has a stay ({@link SqlStates#EXCLUSION_VIOLATION}); the front desk also serialises its own assignments of
 * one room type ({@link #lockRoomType}) so that it picks from what is really free.
 */
@ApplicationScoped
public class RoomAssignmentRepository {

    /**
     * The transaction's lock on assigning rooms of a type: two desks checking in (or moving) guests of one type take
     * turns, so each picks among the rooms the other left. Released at commit.
     */
    public Uni<Void> lockRoomType(SqlClient tx, long roomTypeId) {
        return tx.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended('hotelmesh.rooms:' || $1, 0))")
                .execute(Tuple.of(Long.toString(roomTypeId)))
                .replaceWithVoid();
    }

    /** The rooms among {@code roomIds} that a stay has on any night of [{@code from}, {@code to}). */
    public Uni<Set<Long>> taken(SqlClient client, long hotelId, List<Long> roomIds, LocalDate from, LocalDate to) {
        return client.preparedQuery("""
                SELECT DISTINCT room_id FROM room_assignment WHERE hotel_id = $1 AND room_id = ANY($2)
                AND nights && daterange($3, $4)
                """)
                .execute(Tuple.of(hotelId, roomIds.toArray(Long[]::new), from, to))
                .map(rows -> {
                    Set<Long> taken = new HashSet<>();
                    rows.forEach(row -> taken.add(row.getLong(0)));
                    return taken;
                });
    }

    public Uni<Void> assign(SqlClient tx, String reservationId, long hotelId, List<RoomAssignment> rooms, String by) {
        int n = rooms.size();
        Long[] ids = new Long[n];
        String[] numbers = new String[n];
        LocalDate[] from = new LocalDate[n];
        LocalDate[] to = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            ids[i] = rooms.get(i).roomId();
            numbers[i] = rooms.get(i).roomNumber();
            from[i] = rooms.get(i).from();
            to[i] = rooms.get(i).to();
        }
        return tx.preparedQuery("""
                INSERT INTO room_assignment (reservation_id, hotel_id, room_id, room_number, nights, assigned_by)
                SELECT $1, $2, a.room, a.number, daterange(a.from_night, a.to_night), $7
                FROM unnest($3::bigint[], $4::varchar[], $5::date[], $6::date[]) AS a(room, number, from_night, to_night)
                """)
                .execute(Tuple.of(reservationId, hotelId, ids, numbers, from, to).addValue(by))
                .replaceWithVoid();
    }

    /**
     * Ends the stay's rooms before {@code night}: assignments that begin on or after it are removed, those that run
     * past it end there. A room move and an early departure both start with this.
     */
    public Uni<Void> endBefore(SqlClient tx, String reservationId, LocalDate night, Long roomId) {
        String onlyRoom = roomId == null ? "" : " AND room_id = $3";
        Tuple args = roomId == null ? Tuple.of(reservationId, night) : Tuple.of(reservationId, night, roomId);
        return tx.preparedQuery("DELETE FROM room_assignment WHERE reservation_id = $1 AND lower(nights) >= $2"
                        + onlyRoom)
                .execute(args)
                .chain(() -> tx.preparedQuery("""
                        UPDATE room_assignment SET nights = daterange(lower(nights), $2)
                        WHERE reservation_id = $1 AND upper(nights) > $2
                        """ + onlyRoom)
                        .execute(args))
                .replaceWithVoid();
    }

    /** The rooms of these reservations, oldest assignment first. */
    public Uni<Map<String, List<RoomAssignment>>> forReservations(SqlClient client, String[] reservationIds) {
        return client.preparedQuery("""
                SELECT reservation_id, room_id, room_number, lower(nights) AS from_night, upper(nights) AS to_night
                FROM room_assignment_all WHERE reservation_id = ANY($1) ORDER BY reservation_id, id
                """)
                .execute(Tuple.of(reservationIds))
                .map(rows -> {
                    Map<String, List<RoomAssignment>> byId = new HashMap<>();
                    for (Row row : rows) {
                        byId.computeIfAbsent(row.getString("reservation_id"), k -> new ArrayList<>())
                                .add(new RoomAssignment(row.getLong("room_id"), row.getString("room_number"),
                                        row.getLocalDate("from_night"), row.getLocalDate("to_night"), false));
                    }
                    return byId;
                });
    }
}
