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
     * turns, so each picks among the rooms the other left. The lock is the room type's capacity row (every bookable
     * room type has one), so it is taken on the hotel's own shard. Released at commit.
     */
    public Uni<Void> lockRoomType(SqlClient tx, long hotelId, long roomTypeId) {
        return tx.preparedQuery("""
                SELECT room_type_id FROM room_type_capacity WHERE hotel_id = $1 AND room_type_id = $2 FOR UPDATE
                """)
                .execute(Tuple.of(hotelId, roomTypeId))
                .invoke(rows -> {
                    if (rows.size() == 0) {
                        throw new IllegalStateException("room type " + roomTypeId + " of hotel " + hotelId
                                + " has no capacity row to lock");
                    }
                })
                .replaceWithVoid();
    }

    /** The rooms among {@code roomIds} that a stay has on any night of [{@code from}, {@code to}). */
    public Uni<Set<Long>> taken(SqlClient client, long hotelId, List<Long> roomIds, LocalDate from, LocalDate to) {
        return client.preparedQuery("""
                SELECT DISTINCT room_id FROM room_assignment WHERE hotel_id = $1 AND room_id = ANY($2)
                AND from_night < $4 AND to_night > $3
                """)
                .execute(Tuple.of(hotelId, roomIds.toArray(Long[]::new), from, to))
                .map(rows -> {
                    Set<Long> taken = new HashSet<>();
                    rows.forEach(row -> taken.add(row.getLong(0)));
                    return taken;
                });
    }

    public Uni<Void> assign(SqlClient tx, String reservationId, long hotelId, List<RoomAssignment> rooms, String by) {
        StringBuilder sql = new StringBuilder("INSERT INTO room_assignment (reservation_id, hotel_id, room_id,"
                + " room_number, from_night, to_night, assigned_by) VALUES ");
        Tuple args = Tuple.tuple();
        for (RoomAssignment room : rooms) {
            sql.append(args.size() == 0 ? "" : ", ").append(ValuesRows.row(args.size(), 7));
            args.addString(reservationId).addLong(hotelId).addLong(room.roomId()).addString(room.roomNumber())
                    .addLocalDate(room.from()).addLocalDate(room.to()).addString(by);
        }
        return tx.preparedQuery(sql.toString()).execute(args).replaceWithVoid();
    }

    /**
     * Ends the stay's rooms before {@code night}: assignments that begin on or after it are removed, those that run
     * past it end there. A room move and an early departure both start with this.
     */
    public Uni<Void> endBefore(SqlClient tx, long hotelId, String reservationId, LocalDate night, Long roomId) {
        String onlyRoom = roomId == null ? "" : " AND room_id = $4";
        Tuple args = roomId == null ? Tuple.of(hotelId, reservationId, night)
                : Tuple.of(hotelId, reservationId, night, roomId);
        return tx.preparedQuery("DELETE FROM room_assignment WHERE hotel_id = $1 AND reservation_id = $2"
                        + " AND from_night >= $3" + onlyRoom)
                .execute(args)
                .chain(() -> tx.preparedQuery("UPDATE room_assignment SET to_night = $3 WHERE hotel_id = $1"
                                + " AND reservation_id = $2 AND to_night > $3" + onlyRoom)
                        .execute(args))
                .replaceWithVoid();
    }

    /** The rooms of these reservations, oldest assignment first. */
    public Uni<Map<String, List<RoomAssignment>>> forReservations(SqlClient client, String[] reservationIds) {
        return client.preparedQuery("""
                SELECT reservation_id, room_id, room_number, from_night, to_night
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
