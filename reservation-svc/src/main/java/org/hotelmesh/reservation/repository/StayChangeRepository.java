package org.hotelmesh.reservation.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.domain.PaymentState;
import org.hotelmesh.reservation.domain.RefundState;
import org.hotelmesh.reservation.domain.StayChange;
import org.hotelmesh.reservation.domain.StayPrice;
import org.hotelmesh.reservation.domain.StayTerms;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL over reservation_change. Like the booking saga's, every transition is conditional on the state it leaves, so of
 * concurrent actors (the request, a retry, the recovery job on any replica) exactly one makes it.
 */
@ApplicationScoped
public class StayChangeRepository {

    private static final String COLUMNS = "change_id, reservation_id, requested_by, request_hash, requested_at,"
            + " currency, before_room_type_id, before_start_date, before_end_date, before_rooms, before_total_minor,"
            + " after_room_type_id, after_start_date, after_end_date, after_rooms, after_total_minor, state,"
            + " payment_id, decline_code, refund_state, refund_minor";

    /** A change's charge state as the saga needs it: with the token (while charging) and the new nightly prices. */
    public record Pending(StayChange change, String paymentToken, StayPrice afterPrice, String afterQuoteId) {
    }

    public Uni<Optional<StayChange>> find(SqlClient client, String changeId) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM reservation_change WHERE change_id = $1")
                .execute(Tuple.of(changeId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toChange(rows.iterator().next())));
    }

    /** The change with what applying it needs, locked for this transaction (the step that applies it). */
    public Uni<Optional<Pending>> lockPending(SqlClient tx, String changeId) {
        return pending(tx, changeId, " FOR UPDATE");
    }

    /** The change with what its next step needs, as committed. */
    public Uni<Optional<Pending>> pending(SqlClient client, String changeId) {
        return pending(client, changeId, "");
    }

    private Uni<Optional<Pending>> pending(SqlClient client, String changeId, String lock) {
        return client.preparedQuery("SELECT " + COLUMNS + ", payment_token, after_nightly_minor, after_quote_id"
                        + " FROM reservation_change WHERE change_id = $1" + lock)
                .execute(Tuple.of(changeId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return Optional.empty();
                    }
                    Row row = rows.iterator().next();
                    StayChange change = toChange(row);
                    StayPrice price = new StayPrice(change.currency(), List.of(row.getArrayOfLongs("after_nightly_minor")),
                            change.after().totalMinor());
                    return Optional.of(new Pending(change, row.getString("payment_token"), price,
                            row.getString("after_quote_id")));
                });
    }

    /** Records a change: {@code state} charging (with the token) or applied (with the refund owed, if any). */
    public Uni<Void> insert(SqlClient client, long hotelId, StayChange change, StayPrice afterPrice,
            String afterQuoteId, String paymentToken) {
        return client.preparedQuery("""
                INSERT INTO reservation_change (change_id, reservation_id, requested_by, request_hash, currency,
                before_room_type_id, before_start_date, before_end_date, before_rooms, before_total_minor,
                after_room_type_id, after_start_date, after_end_date, after_rooms, after_total_minor,
                after_nightly_minor, after_quote_id, state, payment_token, refund_state, refund_minor, hotel_id)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21,
                $22)
                """)
                .execute(Tuple.from(List.<Object>of(change.changeId(), change.reservationId(), change.by(),
                                change.requestHash(), change.currency(), change.before().roomTypeId(),
                                change.before().startDate(), change.before().endDate(), change.before().rooms(),
                                change.before().totalMinor(), change.after().roomTypeId(), change.after().startDate(),
                                change.after().endDate(), change.after().rooms(), change.after().totalMinor(),
                                afterPrice.nightlyMinor().toArray(Long[]::new)))
                        .addValue(afterQuoteId).addValue(change.state().db()).addValue(paymentToken)
                        .addValue(change.refundState().db()).addValue(change.refundMinor()).addValue(hotelId))
                .replaceWithVoid();
    }

    /** charging -> applied once the difference was captured; false when another actor moved it first. */
    public Uni<Boolean> applied(SqlClient tx, String changeId, String paymentId) {
        return tx.preparedQuery("""
                UPDATE reservation_change SET state = 'applied', payment_id = $2
                WHERE change_id = $1 AND state = 'charging'
                """)
                .execute(Tuple.of(changeId, paymentId))
                .map(rows -> rows.rowCount() == 1);
    }

    /** charging -> sold_out after a capture: the stay could no longer be had, so the charge is owed back. */
    public Uni<Boolean> soldOutAfterCharge(SqlClient client, String changeId, String paymentId, long refundMinor) {
        return client.preparedQuery("""
                UPDATE reservation_change SET state = 'sold_out', payment_id = $2, refund_state = 'requested',
                refund_minor = $3 WHERE change_id = $1 AND state = 'charging'
                """)
                .execute(Tuple.of(changeId, paymentId, refundMinor))
                .map(rows -> rows.rowCount() == 1);
    }

    /** charging -> declined: the charge was declined or failed; the stay never changed. */
    public Uni<Boolean> declined(SqlClient client, String changeId, PaymentState outcome, String declineCode) {
        return client.preparedQuery("""
                UPDATE reservation_change SET state = 'declined', decline_code = $2
                WHERE change_id = $1 AND state = 'charging'
                """)
                .execute(Tuple.of(changeId, declineCode == null ? outcome.db() : declineCode))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Void> finishRefund(SqlClient client, String changeId, RefundState outcome) {
        return client.preparedQuery("""
                UPDATE reservation_change SET refund_state = $2 WHERE change_id = $1 AND refund_state = 'requested'
                """)
                .execute(Tuple.of(changeId, outcome.db()))
                .replaceWithVoid();
    }

    /** Changes whose charge outcome is unknown or whose refund is owed, untouched for {@code untouchedFor}. */
    public Uni<List<String>> open(SqlClient client, Duration untouchedFor, int limit) {
        return client.preparedQuery("""
                SELECT change_id FROM reservation_change WHERE (state = 'charging' OR refund_state = 'requested')
                AND updated_at < now() - make_interval(0, 0, 0, 0, 0, 0, $1) ORDER BY updated_at LIMIT $2
                """)
                .execute(Tuple.of(untouchedFor.toMillis() / 1000.0, limit))
                .map(rows -> {
                    List<String> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getString(0)));
                    return ids;
                });
    }

    /** Whether the reservation has a change still charging (a second change must wait for it). */
    public Uni<Boolean> charging(SqlClient client, String reservationId) {
        return client.preparedQuery("""
                SELECT EXISTS (SELECT 1 FROM reservation_change WHERE reservation_id = $1 AND state = 'charging')
                """)
                .execute(Tuple.of(reservationId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    /** The changes of these reservations, oldest first. */
    public Uni<Map<String, List<StayChange>>> forReservations(SqlClient client, String[] reservationIds) {
        return client.preparedQuery("SELECT " + COLUMNS + " FROM reservation_change_all WHERE reservation_id = ANY($1)"
                        + " ORDER BY reservation_id, requested_at, change_id")
                .execute(Tuple.of(reservationIds))
                .map(rows -> {
                    Map<String, List<StayChange>> byId = new HashMap<>();
                    for (Row row : rows) {
                        StayChange change = toChange(row);
                        byId.computeIfAbsent(change.reservationId(), k -> new ArrayList<>()).add(change);
                    }
                    return byId;
                });
    }

    private static StayChange toChange(Row row) {
        StayTerms before = new StayTerms(row.getLong("before_room_type_id"), row.getLocalDate("before_start_date"),
                row.getLocalDate("before_end_date"), row.getInteger("before_rooms"), row.getLong("before_total_minor"));
        StayTerms after = new StayTerms(row.getLong("after_room_type_id"), row.getLocalDate("after_start_date"),
                row.getLocalDate("after_end_date"), row.getInteger("after_rooms"), row.getLong("after_total_minor"));
        return new StayChange(row.getString("change_id"), row.getString("reservation_id"),
                row.getString("requested_by"), row.getOffsetDateTime("requested_at").toInstant(), before, after,
                row.getString("currency"), StayChange.State.fromDb(row.getString("state")), row.getString("payment_id"),
                row.getString("decline_code"), RefundState.fromDb(row.getString("refund_state")),
                row.getLong("refund_minor"), row.getString("request_hash"));
    }
}
