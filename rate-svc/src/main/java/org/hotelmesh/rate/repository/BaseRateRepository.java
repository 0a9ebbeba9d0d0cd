package org.hotelmesh.rate.repository;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.rate.domain.BaseRate;
import org.hotelmesh.rate.domain.BaseRateChange;
import org.hotelmesh.rate.domain.HotelBaseRate;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL over room_type_rate and hotel_currency. Every method takes the client to run on, so use cases decide what
 * shares a transaction.
 */
@ApplicationScoped
public class BaseRateRepository {

    /**
     * Records {@code currency} as the hotel's if it has none yet, and returns the hotel's currency (the one just
     * recorded, or the one a previous or concurrent writer recorded first).
     */
    public Uni<String> claimCurrency(SqlClient client, long hotelId, String currency) {
        return client.preparedQuery("""
                INSERT INTO hotel_currency (hotel_id, currency) VALUES ($1, $2)
                ON CONFLICT (hotel_id) DO NOTHING
                """)
                .execute(Tuple.of(hotelId, currency))
                .flatMap(ignored -> client.preparedQuery("SELECT currency FROM hotel_currency WHERE hotel_id = $1")
                        .execute(Tuple.of(hotelId)))
                .map(rows -> rows.iterator().next().getString("currency"));
    }

    /**
     * Sets the base price of every night in [start, end) that falls on one of the change's days (all days when it
     * names none), in one statement; returns the number of nights set.
     */
    public Uni<Integer> upsert(SqlClient client, BaseRateChange change) {
        Integer[] isoDays = change.daysOfWeek().stream().map(DayOfWeek::getValue).toArray(Integer[]::new);
        return client.preparedQuery("""
                INSERT INTO room_type_rate (hotel_id, room_type_id, date, base_price_minor,
                currency)
                SELECT $1, $2, n.date, $3, $4
                FROM (SELECT $5::date + i AS date FROM generate_series(0, $6::date - $5::date - 1) i) n
                WHERE cardinality($7::int[]) = 0 OR extract(isodow FROM n.date)::int = ANY($7::int[])
                ON CONFLICT (hotel_id, room_type_id, date) DO UPDATE
                SET base_price_minor = EXCLUDED.base_price_minor, currency = EXCLUDED.currency,
                updated_at = now()
                """)
                .execute(Tuple.from(List.of(change.hotelId(), change.roomTypeId(), change.amountMinor(),
                        change.currency(), change.startDate(), change.endDate(), isoDays)))
                .map(RowSet::rowCount);
    }

    /** The base prices set for nights in [from, to), by date. */
    public Uni<List<BaseRate>> find(SqlClient client, long hotelId, long roomTypeId, LocalDate from, LocalDate to) {
        return client.preparedQuery("""
                SELECT date, base_price_minor, currency FROM room_type_rate
                WHERE hotel_id = $1 AND room_type_id = $2 AND date >= $3 AND date < $4 ORDER BY date
                """)
                .execute(Tuple.of(hotelId, roomTypeId, from, to))
                .map(BaseRateRepository::toRates);
    }

    /** The base prices set for nights in [from, to) of every room type of these hotels, in one statement. */
    public Uni<List<HotelBaseRate>> findForHotels(SqlClient client, Long[] hotelIds, LocalDate from, LocalDate to) {
        return client.preparedQuery("""
                SELECT hotel_id, room_type_id, date, base_price_minor, currency FROM room_type_rate
                WHERE hotel_id = ANY($1) AND date >= $2 AND date < $3
                """)
                .execute(Tuple.of(hotelIds, from, to))
                .map(rows -> {
                    List<HotelBaseRate> rates = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        rates.add(new HotelBaseRate(row.getLong("hotel_id"), row.getLong("room_type_id"),
                                new BaseRate(row.getLocalDate("date"), row.getLong("base_price_minor"),
                                        row.getString("currency"))));
                    }
                    return rates;
                });
    }

    private static List<BaseRate> toRates(RowSet<Row> rows) {
        List<BaseRate> rates = new ArrayList<>(rows.size());
        for (Row row : rows) {
            rates.add(new BaseRate(row.getLocalDate("date"), row.getLong("base_price_minor"),
                    row.getString("currency")));
        }
        return rates;
    }
}
