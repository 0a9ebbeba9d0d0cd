package org.hotelmesh.rate.repository;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.rate.domain.PricingRules;
import org.hotelmesh.rate.domain.RuleSource;
import org.hotelmesh.rate.domain.Threshold;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** SQL over pricing_rule and its pricing_threshold rows. */
@ApplicationScoped
public class RulesRepository {

    /**
     * The rules stored for the room type and for its hotel (room type 0), keyed by room type id; either may be
     * missing. {@code roomTypeId} 0 reads the hotel's only.
     */
    public Uni<Map<Long, PricingRules>> find(SqlClient client, long hotelId, long roomTypeId) {
        return client.preparedQuery("""
                SELECT r.room_type_id, r.floor_minor, r.ceiling_minor, t.min_occupancy,
                t.multiplier, t.surcharge_minor
                FROM pricing_rule r LEFT JOIN pricing_threshold t
                ON t.hotel_id = r.hotel_id AND t.room_type_id = r.room_type_id
                WHERE r.hotel_id = $1 AND r.room_type_id IN (0, $2)
                ORDER BY r.room_type_id, t.min_occupancy
                """)
                .execute(Tuple.of(hotelId, roomTypeId))
                .map(rows -> toRules(hotelId, rows));
    }

    /**
     * Every rule stored for these hotels (their own and their room types'), by hotel and then room type, in one
     * statement; a hotel without any is absent.
     */
    public Uni<Map<Long, Map<Long, PricingRules>>> findForHotels(SqlClient client, Long[] hotelIds) {
        return client.preparedQuery("""
                SELECT r.hotel_id, r.room_type_id, r.floor_minor, r.ceiling_minor, t.min_occupancy,
                t.multiplier, t.surcharge_minor
                FROM pricing_rule r LEFT JOIN pricing_threshold t
                ON t.hotel_id = r.hotel_id AND t.room_type_id = r.room_type_id
                WHERE r.hotel_id = ANY($1)
                ORDER BY r.hotel_id, r.room_type_id, t.min_occupancy
                """)
                .execute(Tuple.of((Object) hotelIds))
                .map(rows -> {
                    Map<Long, List<Row>> byHotel = new LinkedHashMap<>();
                    rows.forEach(row -> byHotel.computeIfAbsent(row.getLong("hotel_id"), id -> new ArrayList<>())
                            .add(row));
                    Map<Long, Map<Long, PricingRules>> rules = new LinkedHashMap<>();
                    byHotel.forEach((hotelId, hotelRows) -> rules.put(hotelId, toRules(hotelId, hotelRows)));
                    return rules;
                });
    }

    /** Replaces the rules of the hotel (room type 0) or of one room type. */
    public Uni<Void> replace(SqlClient client, PricingRules rules) {
        String[] minOccupancies = rules.thresholds().stream().map(t -> t.minOccupancy().toPlainString())
                .toArray(String[]::new);
        String[] multipliers = rules.thresholds().stream().map(t -> t.multiplier().toPlainString())
                .toArray(String[]::new);
        Long[] surcharges = rules.thresholds().stream().map(Threshold::surchargeMinor).toArray(Long[]::new);
        return client.preparedQuery("""
                INSERT INTO pricing_rule (hotel_id, room_type_id, floor_minor, ceiling_minor)
                VALUES ($1, $2, $3, $4)
                ON CONFLICT (hotel_id, room_type_id) DO UPDATE SET floor_minor = EXCLUDED.floor_minor,
                ceiling_minor = EXCLUDED.ceiling_minor, updated_at = now()
                """)
                .execute(Tuple.of(rules.hotelId(), rules.roomTypeId(), rules.floorMinor(), rules.ceilingMinor()))
                .flatMap(ignored -> client.preparedQuery("""
                        DELETE FROM pricing_threshold
                        WHERE hotel_id = $1 AND room_type_id = $2
                        """)
                        .execute(Tuple.of(rules.hotelId(), rules.roomTypeId())))
                // Decimals travel as text and are cast by PostgreSQL, so no digit is lost on the way.
                .flatMap(ignored -> client.preparedQuery("""
                        INSERT INTO pricing_threshold (hotel_id, room_type_id,
                        min_occupancy, multiplier, surcharge_minor)
                        SELECT $1, $2, t.min_occupancy::numeric, t.multiplier::numeric, t.surcharge
                        FROM unnest($3::text[], $4::text[], $5::bigint[])
                        AS t(min_occupancy, multiplier, surcharge)
                        """)
                        .execute(Tuple.of(rules.hotelId(), rules.roomTypeId(), minOccupancies, multipliers,
                                surcharges)))
                .replaceWithVoid();
    }

    /** Removes the rules of one room type (its thresholds go with them); true when there were some. */
    public Uni<Boolean> delete(SqlClient client, long hotelId, long roomTypeId) {
        return client.preparedQuery("DELETE FROM pricing_rule WHERE hotel_id = $1 AND room_type_id = $2")
                .execute(Tuple.of(hotelId, roomTypeId))
                .map(rows -> rows.rowCount() > 0);
    }

    private static Map<Long, PricingRules> toRules(long hotelId, Iterable<Row> rows) {
        record Head(long floor, long ceiling) {
        }
        Map<Long, Head> heads = new LinkedHashMap<>();
        Map<Long, List<Threshold>> thresholds = new LinkedHashMap<>();
        for (Row row : rows) {
            long roomTypeId = row.getLong("room_type_id");
            heads.putIfAbsent(roomTypeId, new Head(row.getLong("floor_minor"), row.getLong("ceiling_minor")));
            List<Threshold> list = thresholds.computeIfAbsent(roomTypeId, id -> new ArrayList<>());
            if (row.getBigDecimal("min_occupancy") != null) {
                list.add(new Threshold(row.getBigDecimal("min_occupancy").stripTrailingZeros(),
                        row.getBigDecimal("multiplier").stripTrailingZeros(), row.getLong("surcharge_minor")));
            }
        }
        Map<Long, PricingRules> rules = new LinkedHashMap<>();
        heads.forEach((roomTypeId, head) -> rules.put(roomTypeId, new PricingRules(hotelId, roomTypeId,
                thresholds.get(roomTypeId), head.floor(), head.ceiling(), RuleSource.fromRoomTypeId(roomTypeId))));
        return rules;
    }
}
