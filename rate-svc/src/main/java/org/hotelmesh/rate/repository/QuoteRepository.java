package org.hotelmesh.rate.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.rate.domain.NightRate;
import org.hotelmesh.rate.domain.Quote;
import org.hotelmesh.rate.domain.StayPrice;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** SQL over quote; a quote's nights are stored as parallel arrays and read back whole. */
@ApplicationScoped
public class QuoteRepository {

    private static final String COLUMNS = "quote_id, reservation_id, guest_id, hotel_id, room_type_id, start_date,"
            + " end_date, rooms, currency, total_minor, night_dates, night_prices_minor, night_base_prices_minor,"
            + " night_occupancies, created_at, expires_at";

    public Uni<Void> insert(SqlClient client, Quote q) {
        List<NightRate> nights = q.price().nights();
        List<Object> values = List.of(q.quoteId(), q.reservationId(), q.guestId(), q.hotelId(), q.roomTypeId(),
                q.startDate(), q.endDate(), q.rooms(), q.price().currency(), q.price().totalMinor(),
                nights.stream().map(NightRate::date).toArray(LocalDate[]::new),
                nights.stream().map(NightRate::priceMinor).toArray(Long[]::new),
                nights.stream().map(NightRate::basePriceMinor).toArray(Long[]::new),
                nights.stream().map(NightRate::occupancy).toArray(Double[]::new),
                utc(q.createdAt()), utc(q.expiresAt()));
        return client.preparedQuery("""
                INSERT INTO quote (%s)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
                """.formatted(COLUMNS))
                .execute(Tuple.from(values))
                .replaceWithVoid();
    }

    public Uni<Optional<Quote>> find(SqlClient client, String quoteId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM quote WHERE quote_id = $1")
                .execute(Tuple.of(quoteId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toQuote(rows.iterator().next())));
    }

    /** Deletes the quotes that expired before {@code expiredBefore}; returns how many. */
    public Uni<Integer> deleteExpiredBefore(SqlClient client, Instant expiredBefore) {
        return client.preparedQuery("DELETE FROM quote WHERE expires_at < $1")
                .execute(Tuple.of(utc(expiredBefore)))
                .map(RowSet::rowCount);
    }

    private static Quote toQuote(Row row) {
        String currency = row.getString("currency");
        LocalDate[] dates = row.getArrayOfLocalDates("night_dates");
        Long[] prices = row.getArrayOfLongs("night_prices_minor");
        Long[] basePrices = row.getArrayOfLongs("night_base_prices_minor");
        Double[] occupancies = row.getArrayOfDoubles("night_occupancies");
        List<NightRate> nights = new ArrayList<>(dates.length);
        for (int i = 0; i < dates.length; i++) {
            nights.add(new NightRate(dates[i], prices[i], basePrices[i], currency, occupancies[i]));
        }
        return new Quote(row.getString("quote_id"), row.getString("reservation_id"), row.getString("guest_id"),
                row.getLong("hotel_id"), row.getLong("room_type_id"), row.getLocalDate("start_date"),
                row.getLocalDate("end_date"), row.getInteger("rooms"),
                new StayPrice(currency, nights, row.getInteger("rooms"), row.getLong("total_minor")),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("expires_at").toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
