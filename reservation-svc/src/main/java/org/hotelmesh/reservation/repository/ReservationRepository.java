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
     * Inserts the accepted bookings (all of one hotel) as pending with their charge about to be asked (payment state
     * charging), their hold's end and the cancellation policy they are booked under (the hotel's, read with the
     * batch's other reads); the database writes their first history row (by whoever booked). Returns what the database
     * set, keyed by reservation id.
     */
    public Uni<Map<String, Inserted>> insertPending(SqlClient client, List<BookingRequest> bookings, Duration holdTtl,
            CancellationPolicy policy) {
        long hotelId = bookings.get(0).hotelId();
        // One row of VALUES per booking (as ValuesRows, with the constant columns written in). now() is the
        // transaction's start: created_at, and where the hold's time starts.
        StringBuilder sql = new StringBuilder("""
                INSERT INTO reservation (reservation_id, hotel_id, room_type_id, start_date, end_date, rooms,
                guest_id, status, request_hash, quote_id, currency, total_amount_minor, nightly_prices_minor,
                payment_token, payment_state, hold_expires_at, cancel_free_until_days, cancel_fee_kind,
                cancel_fee_percent, booked_by, guest_name) VALUES\s""");
        Tuple args = Tuple.tuple();
        double holdSeconds = holdTtl.toMillis() / 1000.0;
        for (BookingRequest b : bookings) {
            if (b.price() == null) {
                throw new IllegalStateException("booking " + b.reservationId() + " reached the database unpriced");
            }
            if (b.hotelId() != hotelId) {
                throw new IllegalArgumentException("one hotel's bookings per statement, not " + b.hotelId());
            }
            int p = args.size();
            sql.append(p == 0 ? "(" : ", (").append(String.format(
                    "$%d, $%d, $%d, $%d, $%d, $%d, $%d, 'pending', $%d, $%d, $%d, $%d, $%d, $%d, 'charging',"
                            + " now() + make_interval(0, 0, 0, 0, 0, 0, $%d), $%d, $%d, $%d, $%d, $%d)",
                    p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8, p + 9, p + 10, p + 11, p + 12, p + 13,
                    p + 14, p + 15, p + 16, p + 17, p + 18, p + 19));
            args.addString(b.reservationId()).addLong(b.hotelId()).addLong(b.roomTypeId())
                    .addLocalDate(b.startDate()).addLocalDate(b.endDate()).addInteger(b.rooms())
                    .addString(b.guestId()).addString(b.requestHash()).addString(b.quoteId())
                    .addString(b.price().currency()).addLong(b.price().totalMinor())
                    .addArrayOfLong(b.price().nightlyMinor().toArray(Long[]::new)).addString(b.paymentToken())
                    .addDouble(holdSeconds).addInteger(policy.freeUntilDays()).addString(policy.fee().db())
                    .addInteger(policy.feePercent()).addString(b.bookedBy()).addString(b.guestName());
        }
        sql.append(" RETURNING reservation_id, created_at, hold_expires_at, cancel_free_until_days, cancel_fee_kind,"
                + " cancel_fee_percent");
        return client.preparedQuery(sql.toString()).execute(args).map(rows -> {
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
        return endStay(client, """
                UPDATE reservation SET status = 'canceled', status_by = $2
                WHERE reservation_id = $1 AND status = 'pending'
                """ + condition, Tuple.of(id, by));
    }

    /**
     * Runs {@code update}, a conditional status change that ends a reservation's stay and names who made it
     * (status_by: the database records the history row); when it changed the row, returns the stay whose rooms the
     * caller releases in the same transaction.
     */
    static Uni<Optional<ReleasedStay>> endStay(SqlClient client, String update, Tuple args) {
        return client.preparedQuery(update + " RETURNING hotel_id, room_type_id, start_date, end_date, rooms")
                .execute(args)
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        return Optional.<ReleasedStay>empty();
                    }
                    Row row = rows.iterator().next();
                    return Optional.of(new ReleasedStay(row.getLong("hotel_id"), row.getLong("room_type_id"),
                            row.getLocalDate("start_date"), row.getLocalDate("end_date"), row.getInteger("rooms")));
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
                .chain(() -> {
                    // what they hold anywhere, and their stays at this hotel over these nights, summed per night here
                    Uni<Void> unpaid = tx.preparedQuery("""
                            SELECT guest_id, count(*) AS n FROM reservation
                            WHERE guest_id = ANY($1) AND status = 'pending' GROUP BY guest_id
                            """)
                            .execute(Tuple.of(sorted))
                            .invoke(rows -> rows.forEach(row -> ledger.held(row.getString("guest_id"), row.getLong("n"))))
                            .replaceWithVoid();
                    Uni<Void> here = tx.preparedQuery("""
                            SELECT guest_id, start_date, end_date, rooms FROM reservation
                            WHERE hotel_id = $2 AND guest_id = ANY($1) AND status IN ('pending', 'paid', 'checked_in')
                            AND start_date < $4 AND end_date > $3
                            """)
                            .execute(Tuple.of(sorted, hotelId, from, to))
                            .invoke(rows -> {
                                Map<String, Map<LocalDate, Long>> nights = new HashMap<>();
                                for (Row row : rows) {
                                    LocalDate first = max(row.getLocalDate("start_date"), from);
                                    LocalDate end = min(row.getLocalDate("end_date"), to);
                                    Map<LocalDate, Long> roomsByNight = nights.computeIfAbsent(
                                            row.getString("guest_id"), g -> new HashMap<>());
                                    first.datesUntil(end).forEach(night -> roomsByNight.merge(night,
                                            (long) row.getInteger("rooms"), Long::sum));
                                }
                                nights.forEach((guest, perNight) -> perNight.forEach(
                                        (night, rooms) -> ledger.heldOn(guest, night, rooms)));
                            })
                            .replaceWithVoid();
                    return Uni.combine().all().unis(unpaid, here).discardItems();
                })
                .replaceWithVoid();
    }

    /**
     * {@code from} -> {@code to} (the database writes its history row), only if the reservation is still {@code from};
     * false when another call moved it first. For transitions that release nothing (a check-in).
     */
    public Uni<Boolean> transition(SqlClient client, String id, ReservationStatus from, ReservationStatus to,
            String by) {
        return client.preparedQuery("""
                UPDATE reservation SET status = $3, status_by = $4 WHERE reservation_id = $1 AND status = $2
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

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
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
