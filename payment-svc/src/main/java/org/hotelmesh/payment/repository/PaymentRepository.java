package org.hotelmesh.payment.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.payment.domain.ChargeCommand;
import org.hotelmesh.payment.domain.Payment;
import org.hotelmesh.payment.domain.PaymentState;
import org.hotelmesh.payment.domain.Refund;
import org.hotelmesh.payment.domain.RefundCommand;
import org.hotelmesh.payment.domain.RefundPart;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL over payment (a reservation's charges), refund (its refunds as asked) and refund_part (each refund's share of
 * one charge: one refund at the processor). Every state change is conditional on the state it leaves ("WHERE status =
 * 'processing'"), so when several callers finish the same operation at once, exactly one of them changes anything.
 */
@ApplicationScoped
public class PaymentRepository {

    /** A charge with the refunds taken from it: the newest one's reason, the oldest unconfirmed one's time. */
    private static final String PAYMENT = """
            SELECT p.payment_id, p.reservation_id, p.charge_id, p.amount_minor, p.currency, p.payment_token,
            p.token_fingerprint, p.status, p.decline_code, p.payment_method, p.gateway_reference, p.refunded_minor,
            (SELECT r.reason FROM refund_part rp JOIN refund r USING (reservation_id, refund_id)
             WHERE rp.reservation_id = p.reservation_id AND rp.payment_id = p.payment_id
             ORDER BY rp.created_at DESC, rp.part_id DESC LIMIT 1) AS refund_reason,
            (SELECT min(rp.created_at) FROM refund_part rp WHERE rp.reservation_id = p.reservation_id
             AND rp.payment_id = p.payment_id AND rp.status = 'processing') AS refund_requested_at,
            p.created_at FROM payment p
            """;
    /**
     * A payment row as an INSERT or UPDATE of the charge returns it: a charge that is being written or completed has
     * no refund yet (a refund needs a completed capture), so it saves re-reading the row.
     */
    private static final String WRITTEN = "payment_id, reservation_id, charge_id, amount_minor, currency,"
            + " payment_token, token_fingerprint, status, decline_code, payment_method, gateway_reference,"
            + " refunded_minor, NULL::text AS refund_reason, NULL::timestamptz AS refund_requested_at, created_at";
    /** A refund as asked, with what the processor confirmed of its parts. */
    private static final String REFUND = """
            SELECT r.reservation_id, r.refund_id, r.amount_minor, r.currency, r.reason,
            coalesce(sum(rp.amount_minor) FILTER (WHERE rp.status = 'succeeded'), 0) AS confirmed_minor,
            count(*) FILTER (WHERE rp.status = 'processing') AS unconfirmed
            FROM refund r LEFT JOIN refund_part rp USING (reservation_id, refund_id)
            WHERE r.reservation_id = $1 AND r.refund_id = $2
            GROUP BY r.reservation_id, r.refund_id
            """;
    private static final String PART = "SELECT part_id, reservation_id, refund_id, payment_id, amount_minor, status"
            + " FROM refund_part";

    /** The charge as PROCESSING, unless the reservation has one with this charge id already; present if inserted. */
    public Uni<Optional<Payment>> insertCharge(SqlClient client, String paymentId, ChargeCommand charge) {
        return client.preparedQuery("""
                INSERT INTO payment (payment_id, reservation_id, charge_id, amount_minor, currency, payment_token,
                token_fingerprint, status)
                VALUES ($1, $2, $3, $4, $5, $6, encode(sha256(convert_to($6, 'UTF8')), 'hex'), 'processing')
                ON CONFLICT (reservation_id, charge_id) DO NOTHING RETURNING
                """ + WRITTEN)
                .execute(Tuple.of(paymentId, charge.reservationId(), charge.chargeId(), charge.amountMinor(),
                        charge.currency(), charge.paymentToken()))
                .map(PaymentRepository::first);
    }

    /** A currency the reservation's other charges are in, when it is not {@code currency}. */
    public Uni<Optional<String>> otherCurrency(SqlClient client, String reservationId, String chargeId,
                                               String currency) {
        return client.preparedQuery("SELECT currency FROM payment WHERE reservation_id = $1 AND charge_id <> $2"
                        + " AND currency <> $3 LIMIT 1")
                .execute(Tuple.of(reservationId, chargeId, currency))
                .map(rows -> rows.size() == 0 ? Optional.empty()
                        : Optional.of(rows.iterator().next().getString(0)));
    }

    public Uni<Optional<Payment>> find(SqlClient client, String reservationId, String chargeId) {
        return client.preparedQuery(PAYMENT + " WHERE p.reservation_id = $1 AND p.charge_id = $2")
                .execute(Tuple.of(reservationId, chargeId))
                .map(PaymentRepository::first);
    }

    public Uni<Optional<Payment>> findById(SqlClient client, String paymentId) {
        return client.preparedQuery(PAYMENT + " WHERE p.payment_id = $1")
                .execute(Tuple.of(paymentId))
                .map(PaymentRepository::first);
    }

    /**
     * Records the gateway's answer to a PROCESSING charge and forgets its token: the payment as recorded, or empty
     * when another caller recorded it first.
     */
    public Uni<Optional<Payment>> completeCharge(SqlClient client, String paymentId, PaymentState state,
                                                 String declineCode, String paymentMethod, String gatewayReference) {
        return client.preparedQuery("""
                UPDATE payment SET status = $2, decline_code = $3, payment_method = $4,
                gateway_reference = $5, payment_token = NULL, updated_at = now()
                WHERE payment_id = $1 AND status = 'processing'
                RETURNING
                """ + WRITTEN)
                .execute(Tuple.of(paymentId, state.column(), declineCode, paymentMethod, gatewayReference))
                .map(PaymentRepository::first);
    }

    /**
     * Locks the reservation's charges for the rest of the transaction, newest first (one order for every caller, so
     * two never wait for each other): refunds of one reservation are decided one after the other.
     */
    public Uni<List<Payment>> lockCharges(SqlClient tx, String reservationId) {
        return tx.preparedQuery("SELECT " + WRITTEN + " FROM payment WHERE reservation_id = $1"
                        + " ORDER BY created_at DESC, payment_id DESC FOR UPDATE")
                .execute(Tuple.of(reservationId))
                .map(rows -> map(rows, PaymentRepository::toPayment));
    }

    /**
     * What every refund of the reservation took from each of its charges, confirmed or not, by payment id. Read after
     * {@link #lockCharges} in its own statement, so it sees the parts of every refund decided before the lock was had.
     */
    public Uni<Map<String, Long>> takenByCharge(SqlClient tx, String reservationId) {
        return tx.preparedQuery("SELECT payment_id, sum(amount_minor) AS taken FROM refund_part"
                        + " WHERE reservation_id = $1 GROUP BY payment_id")
                .execute(Tuple.of(reservationId))
                .map(rows -> {
                    Map<String, Long> taken = new HashMap<>();
                    rows.forEach(row -> taken.put(row.getString("payment_id"), row.getLong("taken")));
                    return taken;
                });
    }

    public Uni<Optional<Refund>> findRefund(SqlClient client, String reservationId, String refundId) {
        return client.preparedQuery(REFUND)
                .execute(Tuple.of(reservationId, refundId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toRefund(rows.iterator().next())));
    }

    /** A refund as asked and its parts, each PROCESSING: run in the transaction that locked the charges. */
    public Uni<Void> insertRefund(SqlClient tx, RefundCommand refund, List<RefundPart> parts) {
        return tx.preparedQuery("INSERT INTO refund (reservation_id, refund_id, amount_minor, currency, reason)"
                        + " VALUES ($1, $2, $3, $4, $5)")
                .execute(Tuple.of(refund.reservationId(), refund.refundId(), refund.amountMinor(), refund.currency(),
                        refund.reason()))
                .chain(() -> tx.preparedQuery("INSERT INTO refund_part (part_id, reservation_id, refund_id,"
                                + " payment_id, amount_minor, status) VALUES ($1, $2, $3, $4, $5, 'processing')")
                        .executeBatch(parts.stream().map(part -> Tuple.of(part.partId(), part.reservationId(),
                                part.refundId(), part.paymentId(), part.amountMinor())).toList()))
                .replaceWithVoid();
    }

    /**
     * Marks a PROCESSING part done and adds its amount to its charge, once: run in one transaction; when another
     * caller completed the part first, nothing changes.
     */
    public Uni<Void> completePart(SqlClient tx, String partId, String gatewayReference) {
        return tx.preparedQuery("""
                UPDATE refund_part SET status = 'succeeded', gateway_reference = $2, updated_at = now()
                WHERE part_id = $1 AND status = 'processing' RETURNING payment_id, amount_minor
                """)
                .execute(Tuple.of(partId, gatewayReference))
                .chain(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    Row part = rows.iterator().next();
                    return tx.preparedQuery("""
                                    UPDATE payment SET refunded_minor = refunded_minor + $2,
                                    status = CASE WHEN refunded_minor + $2 = amount_minor THEN 'refunded'
                                    ELSE 'partially_refunded' END, updated_at = now()
                                    WHERE payment_id = $1
                                    """)
                            .execute(Tuple.of(part.getString("payment_id"), part.getLong("amount_minor")))
                            .replaceWithVoid();
                });
    }

    /** Charges still PROCESSING after {@code idle} without a change: their caller crashed or the gateway timed out. */
    public Uni<List<Payment>> stuckCharges(SqlClient client, Duration idle, int limit) {
        return client.preparedQuery(PAYMENT + " WHERE p.status = 'processing'"
                        + " AND p.updated_at < now() - make_interval(secs => $1) ORDER BY p.updated_at LIMIT $2")
                .execute(Tuple.of(idle.toMillis() / 1000.0, limit))
                .map(rows -> map(rows, PaymentRepository::toPayment));
    }

    /** Refund parts still PROCESSING after {@code idle} without a change. */
    public Uni<List<RefundPart>> stuckParts(SqlClient client, Duration idle, int limit) {
        return client.preparedQuery(PART + " WHERE status = 'processing'"
                        + " AND updated_at < now() - make_interval(secs => $1) ORDER BY updated_at LIMIT $2")
                .execute(Tuple.of(idle.toMillis() / 1000.0, limit))
                .map(rows -> map(rows, PaymentRepository::toPart));
    }

    /**
     * How many refunds the processor has not confirmed in full for longer than {@code age}: a refund counts once
     * however many of its parts are unconfirmed.
     */
    public Uni<Long> countStuckRefunds(SqlClient client, Duration age) {
        return client.preparedQuery("SELECT count(DISTINCT (reservation_id, refund_id)) FROM refund_part"
                        + " WHERE status = 'processing' AND created_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of(age.toMillis() / 1000.0))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static <T> List<T> map(RowSet<Row> rows, Function<Row, T> mapper) {
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(row -> out.add(mapper.apply(row)));
        return out;
    }

    private static Optional<Payment> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(toPayment(rows.iterator().next()));
    }

    private static Payment toPayment(Row row) {
        return new Payment(row.getString("payment_id"), row.getString("reservation_id"), row.getString("charge_id"),
                row.getLong("amount_minor"), row.getString("currency"), row.getString("payment_token"),
                row.getString("token_fingerprint"), PaymentState.ofColumn(row.getString("status")),
                row.getString("decline_code"), row.getString("payment_method"), row.getString("gateway_reference"),
                row.getLong("refunded_minor"), row.getString("refund_reason"), instant(row, "refund_requested_at"),
                row.getOffsetDateTime("created_at").toInstant());
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static Refund toRefund(Row row) {
        return new Refund(row.getString("reservation_id"), row.getString("refund_id"), row.getLong("amount_minor"),
                row.getString("currency"), row.getString("reason"), row.getLong("confirmed_minor"),
                row.getLong("unconfirmed") == 0);
    }

    private static RefundPart toPart(Row row) {
        return new RefundPart(row.getString("part_id"), row.getString("reservation_id"), row.getString("refund_id"),
                row.getString("payment_id"), row.getLong("amount_minor"), "succeeded".equals(row.getString("status")));
    }
}
