package org.hotelmesh.payment.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.payment.domain.ChargeCommand;
import org.hotelmesh.payment.domain.Payment;
import org.hotelmesh.payment.domain.PaymentState;
import org.hotelmesh.payment.domain.Refund;
import org.hotelmesh.payment.domain.RefundCommand;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * SQL over payment and refund. Every state change is conditional on the state it leaves ("WHERE status =
 * 'processing'"), so when several callers finish the same operation at once, exactly one of them changes anything.
 */
@ApplicationScoped
public class PaymentRepository {

    private static final String PAYMENT = """
            SELECT p.payment_id, p.reservation_id, p.amount_minor, p.currency, p.payment_token,
            p.token_fingerprint, p.status, p.decline_code, p.payment_method, p.gateway_reference, p.refunded_minor,
            r.reason AS refund_reason, CASE WHEN r.status = 'processing' THEN r.created_at END AS refund_requested_at,
            p.created_at FROM payment p LEFT JOIN refund r USING (reservation_id)
            """;
    /**
     * A payment row as an INSERT or UPDATE of the charge returns it: a charge that is being written or completed has
     * no refund yet (a refund needs a completed capture), so it saves re-reading the row.
     */
    private static final String WRITTEN = "payment_id, reservation_id, amount_minor, currency, payment_token,"
            + " token_fingerprint, status, decline_code, payment_method, gateway_reference, refunded_minor,"
            + " NULL::text AS refund_reason, NULL::timestamptz AS refund_requested_at, created_at";
    private static final String REFUND = "SELECT refund_id, reservation_id, amount_minor, reason, status, created_at"
            + " FROM refund";

    /** The charge of a reservation as PROCESSING, unless the reservation has one already; true if this inserted it. */
    public Uni<Optional<Payment>> insertCharge(SqlClient client, String paymentId, ChargeCommand charge) {
        return client.preparedQuery("""
                INSERT INTO payment (payment_id, reservation_id, amount_minor, currency, payment_token,
                token_fingerprint, status)
                VALUES ($1, $2, $3, $4, $5, encode(sha256(convert_to($5, 'UTF8')), 'hex'), 'processing')
                ON CONFLICT (reservation_id) DO NOTHING RETURNING
                """ + WRITTEN)
                .execute(Tuple.of(paymentId, charge.reservationId(), charge.amountMinor(), charge.currency(),
                        charge.paymentToken()))
                .map(PaymentRepository::first);
    }

    public Uni<Optional<Payment>> find(SqlClient client, String reservationId) {
        return client.preparedQuery(PAYMENT + " WHERE p.reservation_id = $1")
                .execute(Tuple.of(reservationId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toPayment(rows.iterator().next())));
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

    /** The refund of a reservation as PROCESSING, unless it has one already; true if this inserted it. */
    public Uni<Boolean> insertRefund(SqlClient client, String refundId, RefundCommand refund) {
        return client.preparedQuery("""
                INSERT INTO refund (refund_id, reservation_id, amount_minor, reason, status)
                VALUES ($1, $2, $3, $4, 'processing') ON CONFLICT (reservation_id) DO NOTHING
                """)
                .execute(Tuple.of(refundId, refund.reservationId(), refund.amountMinor(), refund.reason()))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Optional<Refund>> findRefund(SqlClient client, String reservationId) {
        return client.preparedQuery(REFUND + " WHERE reservation_id = $1")
                .execute(Tuple.of(reservationId))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toRefund(rows.iterator().next())));
    }

    /**
     * Marks a PROCESSING refund done and adds its amount to the payment, once: run in one transaction; when another
     * caller completed the refund first, nothing changes.
     */
    public Uni<Void> completeRefund(SqlClient tx, String reservationId, String gatewayReference) {
        return tx.preparedQuery("""
                UPDATE refund SET status = 'succeeded', gateway_reference = $2, updated_at = now()
                WHERE reservation_id = $1 AND status = 'processing' RETURNING amount_minor
                """)
                .execute(Tuple.of(reservationId, gatewayReference))
                .chain(rows -> rows.size() == 0 ? Uni.createFrom().voidItem()
                        : tx.preparedQuery("""
                                UPDATE payment SET refunded_minor = refunded_minor + $2,
                                status = CASE WHEN refunded_minor + $2 = amount_minor THEN 'refunded'
                                ELSE 'partially_refunded' END, updated_at = now()
                                WHERE reservation_id = $1
                                """)
                                .execute(Tuple.of(reservationId, rows.iterator().next().getLong("amount_minor")))
                                .replaceWithVoid());
    }

    /** Charges still PROCESSING after {@code idle} without a change: their caller crashed or the gateway timed out. */
    public Uni<List<Payment>> stuckCharges(SqlClient client, Duration idle, int limit) {
        return client.preparedQuery(PAYMENT + " WHERE p.status = 'processing'"
                        + " AND p.updated_at < now() - make_interval(secs => $1) ORDER BY p.updated_at LIMIT $2")
                .execute(Tuple.of(idle.toMillis() / 1000.0, limit))
                .map(rows -> map(rows, PaymentRepository::toPayment));
    }

    public Uni<List<Refund>> stuckRefunds(SqlClient client, Duration idle, int limit) {
        return client.preparedQuery(REFUND + " WHERE status = 'processing'"
                        + " AND updated_at < now() - make_interval(secs => $1) ORDER BY updated_at LIMIT $2")
                .execute(Tuple.of(idle.toMillis() / 1000.0, limit))
                .map(rows -> map(rows, PaymentRepository::toRefund));
    }

    /** How many refunds the processor has not confirmed for longer than {@code age}. */
    public Uni<Long> countStuckRefunds(SqlClient client, Duration age) {
        return client.preparedQuery("SELECT count(*) FROM refund WHERE status = 'processing'"
                        + " AND created_at < now() - make_interval(secs => $1)")
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
        return new Payment(row.getString("payment_id"), row.getString("reservation_id"), row.getLong("amount_minor"),
                row.getString("currency"), row.getString("payment_token"), row.getString("token_fingerprint"),
                PaymentState.ofColumn(row.getString("status")), row.getString("decline_code"),
                row.getString("payment_method"), row.getString("gateway_reference"), row.getLong("refunded_minor"),
                row.getString("refund_reason"), instant(row, "refund_requested_at"),
                row.getOffsetDateTime("created_at").toInstant());
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    private static Refund toRefund(Row row) {
        return new Refund(row.getString("refund_id"), row.getString("reservation_id"), row.getLong("amount_minor"),
                row.getString("reason"), "succeeded".equals(row.getString("status")),
                row.getOffsetDateTime("created_at").toInstant());
    }
}
