package org.hotelmesh.reservation.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.domain.CancellationPolicy;
import org.hotelmesh.reservation.domain.GuestLedger;
import org.hotelmesh.reservation.domain.PageRequest;
import org.hotelmesh.reservation.domain.PaymentInfo;
import org.hotelmesh.reservation.domain.PaymentState;
import org.hotelmesh.reservation.domain.RefundState;
import org.hotelmesh.reservation.domain.Reservation.StatusChange;
import org.hotelmesh.reservation.domain.Reservation;
import org.hotelmesh.reservation.domain.ReservationStatus;
import org.hotelmesh.reservation.domain.StayPrice;
import org.hotelmesh.reservation.domain.TimeFilter;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL over reservation and reservation_status_change (a reservation is read with its rooms and changes, from
 * {@link RoomAssignmentRepository} and {@link StayChangeRepository}); every method takes the client to run on. Reads by
 * id and the lists go through the *_all views, so archived reservations ({@code Archiver}) are still found; writes and
 * the work lists of the jobs see only the hot tables.
 */
@ApplicationScoped
public class ReservationRepository {

    private final RoomAssignmentRepository assignments;
    private final StayChangeRepository changes;

    public ReservationRepository(RoomAssignmentRepository assignments, StayChangeRepository changes) {
        this.assignments = assignments;
        this.changes = changes;
    }

    private static final String COLUMNS = "reservation_id, hotel_id, room_type_id, start_date, end_date, rooms,"
            + " guest_id, status, request_hash, quote_id, currency, total_amount_minor, nightly_prices_minor, created_at,"
            + " payment_state, decline_code, payment_id, refund_state, refund_minor, fee_minor, hold_expires_at,"
            + " cancel_free_until_days, cancel_fee_kind, cancel_fee_percent, booked_by, guest_name, nights_released_from";

    /** The stay a pending reservation held, returned when this call was the one that cancelled it. */
    public record ReleasedStay(long hotelId, long roomTypeId, LocalDate startDate, LocalDate endDate, int rooms) {

        /** The nights of the stay from {@code night} on: what a stay ended early gives back. */
        public ReleasedStay from(LocalDate night) {
            return new ReleasedStay(hotelId, roomTypeId, night, endDate, rooms);
        }
    }

    /** What the database set on the rows a batch inserted: the same for every booking of one hotel. */
    public record Inserted(Instant createdAt, Instant holdExpiresAt, CancellationPolicy policy) {
    }

    /** The reservations with these ids, with their history, keyed by id. */
    public Uni<Map<String, Reservation>> findWithHistory(SqlClient client, List<String> ids) {
        String[] idArray = ids.toArray(String[]::new);
        return client.preparedQuery("SELECT " + COLUMNS + " FROM reservation_all WHERE reservation_id = ANY($1)")
                .execute(Tuple.of(idArray))
                .flatMap(rows -> {
                    Map<String, Reservation> found = new LinkedHashMap<>();
                    rows.forEach(row -> found.put(row.getString("reservation_id"), toReservation(row)));
                    if (found.isEmpty()) {
                        return Uni.createFrom().item(found);
                    }
                    return withHistory(client, found);
                });
    }

    public Uni<Optional<Reservation>> find(SqlClient client, String id) {
        return findWithHistory(client, List.of(id)).map(found -> Optional.ofNullable(found.get(id)));
    }

    /**
     * Inserts the accepted bookings as pending with their charge about to be asked (payment state charging), their
     * hold's end and the hotel's cancellation policy (or {@code defaultPolicy}), with their first history row (by the
     * guest), in one statement. Returns what the database set, keyed by reservation id.
     */
    public Uni<Map<String, Inserted>> insertPending(SqlClient client, List<BookingRequest> bookings, Duration holdTtl,
            CancellationPolicy defaultPolicy) {
        int n = bookings.size();
        String[] ids = new String[n];
        Long[] hotels = new Long[n];
        Long[] roomTypes = new Long[n];
        LocalDate[] starts = new LocalDate[n];
        LocalDate[] ends = new LocalDate[n];
        Integer[] rooms = new Integer[n];
        String[] guests = new String[n];
        String[] hashes = new String[n];
        String[] quotes = new String[n];
        String[] currencies = new String[n];
        Long[] totals = new Long[n];
        // One text literal per booking ('{100,200}'): the extended protocol has no bigint[][] for ragged arrays.
        String[] nightly = new String[n];
        String[] tokens = new String[n];
        String[] bookers = new String[n];
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            BookingRequest b = bookings.get(i);
            ids[i] = b.reservationId();
            hotels[i] = b.hotelId();
            roomTypes[i] = b.roomTypeId();
            starts[i] = b.startDate();
            ends[i] = b.endDate();
            rooms[i] = b.rooms();
            guests[i] = b.guestId();
            hashes[i] = b.requestHash();
            quotes[i] = b.quoteId();
            tokens[i] = b.paymentToken();
            bookers[i] = b.bookedBy();
            names[i] = b.guestName();
            if (b.price() == null) {
                throw new IllegalStateException("booking " + b.reservationId() + " reached the database unpriced");
            }
            currencies[i] = b.price().currency();
            totals[i] = b.price().totalMinor();
            nightly[i] = b.price().nightlyMinor().stream().map(String::valueOf)
                    .collect(Collectors.joining(",", "{", "}"));
        }
        // One statement: the history rows are inserted from the reservation rows the CTE returns (the foreign key is
        // checked at the end of the statement, when both exist). now() is the transaction's start: created_at.
        return client.preparedQuery("""
                WITH r AS (INSERT INTO reservation (reservation_id, hotel_id, room_type_id,
                start_date, end_date, rooms, guest_id, status, request_hash, quote_id, currency,
                total_amount_minor, nightly_prices_minor, payment_token, payment_state, hold_expires_at,
                cancel_free_until_days, cancel_fee_kind, cancel_fee_percent, booked_by, guest_name)
                SELECT r.id, r.hotel, r.room_type, r.start_date, r.end_date, r.rooms, r.guest, 'pending',
                r.hash, r.quote, r.currency, r.total, r.nightly::bigint[], r.token, 'charging',
                now() + $17::bigint * interval '1 millisecond',
                coalesce(p.free_until_days, $14::int), coalesce(p.fee_kind, $15::varchar),
                CASE WHEN p.hotel_id IS NULL THEN $16::int ELSE p.fee_percent END, r.booker, r.name
                FROM unnest($1::varchar[], $2::bigint[], $3::bigint[], $4::date[], $5::date[], $6::int[],
                $7::varchar[], $8::varchar[], $9::varchar[], $10::varchar[], $11::bigint[], $12::text[],
                $13::varchar[], $18::varchar[], $19::varchar[])
                AS r(id, hotel, room_type, start_date, end_date, rooms, guest, hash, quote, currency, total,
                nightly, token, booker, name)
                LEFT JOIN cancellation_policy p ON p.hotel_id = r.hotel
                RETURNING reservation_id, booked_by, created_at, hold_expires_at, cancel_free_until_days,
                cancel_fee_kind, cancel_fee_percent),
                h AS (INSERT INTO reservation_status_change (reservation_id, status, changed_by, changed_at)
                SELECT reservation_id, 'pending', booked_by, created_at FROM r)
                SELECT * FROM r
                """)
                .execute(Tuple.from(List.<Object>of(ids, hotels, roomTypes, starts, ends, rooms, guests, hashes, quotes,
                                currencies, totals, nightly, tokens, defaultPolicy.freeUntilDays(), defaultPolicy.fee().db()))
                        .addValue(defaultPolicy.feePercent()).addValue(holdTtl.toMillis()).addValue(bookers)
                        .addValue(names))
                .map(rows -> {
                    Map<String, Inserted> inserted = new HashMap<>();
                    for (Row row : rows) {
                        inserted.put(row.getString("reservation_id"), new Inserted(
                                row.getOffsetDateTime("created_at").toInstant(),
                                row.getOffsetDateTime("hold_expires_at").toInstant(), policy(row)));
                    }
                    return inserted;
                });
    }

    /**
     * pending -> canceled, only if still pending: of concurrent cancels exactly one gets the stay back and releases
     * it; the others wait for its row lock, re-check the status and get nothing.
     */
    public Uni<Optional<ReleasedStay>> cancelIfPending(SqlClient client, String id, String by) {
        return cancelPending(client, id, by, "");
    }

    /** pending -> canceled when the hold has ended (by the expiry job), like {@link #cancelIfPending}. */
    public Uni<Optional<ReleasedStay>> expireIfPending(SqlClient client, String id, String by) {
        return cancelPending(client, id, by, " AND hold_expires_at <= now()");
    }

    private Uni<Optional<ReleasedStay>> cancelPending(SqlClient client, String id, String by, String condition) {
        return endStay(client, id, """
                UPDATE reservation SET status = 'canceled'
                WHERE reservation_id = $1 AND status = 'pending'
                """ + condition, Tuple.of(id),
                ReservationStatus.CANCELED, by);
    }

    /**
     * Runs {@code update}, a conditional status change of reservation {@code id} that ends its stay; when it changed
     * the row, records the history row and returns the stay whose rooms the caller releases in the same transaction.
     */
    static Uni<Optional<ReleasedStay>> endStay(SqlClient client, String id, String update, Tuple args,
            ReservationStatus to, String by) {
        return client.preparedQuery(update + " RETURNING hotel_id, room_type_id, start_date, end_date, rooms")
                .execute(args)
                .flatMap(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().item(Optional.<ReleasedStay>empty());
                    }
                    Row row = rows.iterator().next();
                    ReleasedStay stay = new ReleasedStay(row.getLong("hotel_id"), row.getLong("room_type_id"),
                            row.getLocalDate("start_date"), row.getLocalDate("end_date"), row.getInteger("rooms"));
                    return client.preparedQuery("""
                            INSERT INTO reservation_status_change (reservation_id, status,
                            changed_by) VALUES ($1, $2, $3)
                            """)
                            .execute(Tuple.of(id, to.db(), by))
                            .map(ignored -> Optional.of(stay));
                });
    }

    /**
     * Takes the transaction's lock of each guest (sorted, so two transactions never wait on each other in turn) and
     * then reads what they hold into {@code ledger}: their unpaid holds anywhere, their rooms at {@code hotelId} on each
     * night of [{@code from}, {@code to}). Read after the locks, so a booking of the same guest that committed meanwhile
     * is counted.
     */
    public Uni<Void> lockAndReadHoldings(SqlClient tx, List<String> guests, long hotelId, LocalDate from,
            LocalDate to, GuestLedger ledger) {
        String[] sorted = guests.stream().distinct().sorted().toArray(String[]::new);
        return tx.preparedQuery("""
                SELECT count(pg_advisory_xact_lock(hashtextextended('hotelmesh.guest:' || g, 0)))
                FROM (SELECT g FROM unnest($1::text[]) AS g ORDER BY g) AS guests
                """)
                .execute(Tuple.of(sorted))
                .chain(() -> tx.preparedQuery("""
                        SELECT guest_id, NULL::date AS night, count(*) AS n FROM reservation
                        WHERE guest_id = ANY($1) AND status = 'pending' GROUP BY guest_id
                        UNION ALL
                        SELECT r.guest_id, night::date, sum(r.rooms) FROM reservation r
                        CROSS JOIN generate_series($3::date, $4::date - 1, interval '1 day') AS night
                        WHERE r.guest_id = ANY($1) AND r.hotel_id = $2 AND r.status IN ('pending', 'paid', 'checked_in')
                        AND r.start_date <= night AND r.end_date > night GROUP BY r.guest_id, night
                        """)
                        .execute(Tuple.of(sorted, hotelId, from, to)))
                .invoke(rows -> rows.forEach(row -> {
                    LocalDate night = row.getLocalDate("night");
                    if (night == null) {
                        ledger.held(row.getString("guest_id"), row.getLong("n"));
                    } else {
                        ledger.heldOn(row.getString("guest_id"), night, row.getLong("n"));
                    }
                }))
                .replaceWithVoid();
    }

    /**
     * {@code from} -> {@code to} with its history row, in one statement, only if the reservation is still {@code from};
     * false when another call moved it first. For transitions that release nothing (a check-in).
     */
    public Uni<Boolean> transition(SqlClient client, String id, ReservationStatus from, ReservationStatus to,
            String by) {
        return client.preparedQuery("""
                WITH moved AS (UPDATE reservation SET status = $3 WHERE reservation_id = $1 AND status = $2
                RETURNING reservation_id)
                INSERT INTO reservation_status_change (reservation_id, status, changed_by)
                SELECT reservation_id, $3, $4 FROM moved
                """)
                .execute(Tuple.of(id, from.db(), to.db(), by))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * A hotel's front desk on {@code day}: paid stays due (arriving that day, or late and not yet marked no-show) and
     * checked-in ones (in house or due out), by arrival; at most {@code limit}.
     */
    public Uni<List<Reservation>> frontDesk(SqlClient client, long hotelId, LocalDate day, int limit) {
        return client.preparedQuery("SELECT " + COLUMNS + """
                 FROM reservation WHERE hotel_id = $1 AND status IN ('paid', 'checked_in') AND start_date <= $2
                AND (end_date > $2 OR status = 'checked_in') ORDER BY start_date, reservation_id LIMIT $3
                """)
                .execute(Tuple.of(hotelId, day, limit))
                .flatMap(rows -> {
                    Map<String, Reservation> found = new LinkedHashMap<>();
                    rows.forEach(row -> found.put(row.getString("reservation_id"), toReservation(row)));
                    return found.isEmpty() ? Uni.createFrom().item(found) : withHistory(client, found);
                })
                .map(found -> new ArrayList<>(found.values()));
    }

    /** The hotels with paid stays that arrived before {@code day} (no hotel's today is later). */
    public Uni<List<Long>> hotelsWithPaidArrivalsBefore(SqlClient client, LocalDate day) {
        return client.preparedQuery("""
                SELECT DISTINCT hotel_id FROM reservation WHERE status = 'paid' AND start_date < $1 ORDER BY hotel_id
                """)
                .execute(Tuple.of(day))
                .map(rows -> {
                    List<Long> hotels = new ArrayList<>();
                    rows.forEach(row -> hotels.add(row.getLong(0)));
                    return hotels;
                });
    }

    /** A hotel's paid stays that arrived before {@code day} (its today), oldest arrival first. */
    public Uni<List<String>> paidArrivingBefore(SqlClient client, long hotelId, LocalDate day, int limit) {
        return client.preparedQuery("""
                SELECT reservation_id FROM reservation WHERE hotel_id = $1 AND status = 'paid' AND start_date < $2
                ORDER BY start_date, reservation_id LIMIT $3
                """)
                .execute(Tuple.of(hotelId, day, limit))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString(0)));
                    return ids;
                });
    }

    /** One keyset page of a guest's (or a hotel's) reservations, ordered by (start_date, reservation_id). */
    public Uni<List<Reservation>> page(SqlClient client, String ownerColumn, Object owner, TimeFilter when,
            LocalDate today, PageRequest page, int limit) {
        String sql = "SELECT " + COLUMNS + " FROM reservation_all WHERE " + ownerColumn + " = $1" + timeFilter(when)
                + (page.first() ? "" : " AND (start_date, reservation_id) > ($3, $4)")
                + " ORDER BY start_date, reservation_id LIMIT " + limit;
        Tuple args = page.first() ? Tuple.of(owner, today)
                : Tuple.of(owner, today, page.afterStartDate(), page.afterReservationId());
        return client.preparedQuery(sql).execute(args).flatMap(rows -> {
            Map<String, Reservation> found = new LinkedHashMap<>();
            rows.forEach(row -> found.put(row.getString("reservation_id"), toReservation(row)));
            return found.isEmpty() ? Uni.createFrom().item(found) : withHistory(client, found);
        }).map(found -> new ArrayList<>(found.values()));
    }

    public Uni<Long> count(SqlClient client, String ownerColumn, Object owner, TimeFilter when, LocalDate today) {
        return client.preparedQuery("SELECT count(*) FROM reservation_all WHERE " + ownerColumn + " = $1"
                        + timeFilter(when))
                .execute(Tuple.of(owner, today))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    public Uni<Boolean> hasActiveEndingOnOrAfter(SqlClient client, long hotelId, LocalDate day) {
        return client.preparedQuery("""
                SELECT EXISTS (SELECT 1 FROM reservation WHERE hotel_id = $1
                AND status IN ('pending', 'paid', 'checked_in') AND end_date >= $2)
                """)
                .execute(Tuple.of(hotelId, day))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    private static String timeFilter(TimeFilter when) {
        // $2 is always bound (today) so that both statements take the same parameters
        return switch (when) {
            case UPCOMING -> " AND end_date >= $2";
            case PAST -> " AND end_date < $2";
            case ALL -> " AND $2::date IS NOT NULL";
        };
    }

    /** The reservations with their status history, rooms and changes: three reads, pipelined on the client. */
    private Uni<Map<String, Reservation>> withHistory(SqlClient client, Map<String, Reservation> found) {
        String[] ids = found.keySet().toArray(String[]::new);
        Uni<Map<String, List<StatusChange>>> history = client.preparedQuery("""
                SELECT reservation_id, status, changed_at, changed_by
                FROM reservation_status_change_all WHERE reservation_id = ANY($1) ORDER BY id
                """)
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Map<String, List<StatusChange>> byId = new HashMap<>();
                    for (Row row : rows) {
                        byId.computeIfAbsent(row.getString("reservation_id"), k -> new ArrayList<>())
                                .add(new StatusChange(ReservationStatus.fromDb(row.getString("status")),
                                        row.getOffsetDateTime("changed_at").toInstant(), row.getString("changed_by")));
                    }
                    return byId;
                });
        return Uni.combine().all().unis(history, assignments.forReservations(client, ids),
                        changes.forReservations(client, ids)).asTuple()
                .map(read -> {
                    Map<String, Reservation> result = new LinkedHashMap<>();
                    found.forEach((id, r) -> result.put(id, r.withDetails(read.getItem1().getOrDefault(id, List.of()),
                            read.getItem2().getOrDefault(id, List.of()), read.getItem3().getOrDefault(id, List.of()))));
                    return result;
                });
    }

    private static Reservation toReservation(Row row) {
        OffsetDateTime created = row.getOffsetDateTime("created_at");
        return new Reservation(row.getString("reservation_id"), row.getLong("hotel_id"), row.getLong("room_type_id"),
                row.getLocalDate("start_date"), row.getLocalDate("end_date"), row.getInteger("rooms"),
                row.getString("guest_id"), ReservationStatus.fromDb(row.getString("status")),
                row.getString("request_hash"), row.getString("quote_id"), price(row), payment(row), policy(row),
                created.toInstant(), List.of(), row.getString("booked_by"), row.getString("guest_name"),
                row.getLocalDate("nights_released_from"), List.of(), List.of());
    }

    private static PaymentInfo payment(Row row) {
        OffsetDateTime holdEnds = row.getOffsetDateTime("hold_expires_at");
        return new PaymentInfo(PaymentState.fromDb(row.getString("payment_state")), row.getString("decline_code"),
                row.getString("payment_id"), RefundState.fromDb(row.getString("refund_state")),
                row.getLong("refund_minor"), row.getLong("fee_minor"), holdEnds == null ? null : holdEnds.toInstant());
    }

    static CancellationPolicy policy(Row row) {
        String fee = row.getString("cancel_fee_kind");
        if (fee == null) {
            return null; // booked before cancellation policies
        }
        return new CancellationPolicy(row.getInteger("cancel_free_until_days"), CancellationPolicy.Fee.fromDb(fee),
                row.getInteger("cancel_fee_percent"));
    }

    private static StayPrice price(Row row) {
        Long[] nightly = row.getArrayOfLongs("nightly_prices_minor");
        if (nightly == null) {
            return null; // booked before reservations were priced
        }
        return new StayPrice(row.getString("currency"), List.of(nightly), row.getLong("total_amount_minor"));
    }

}
