package org.hotelmesh.reservation.repository;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.domain.PaymentState;
import org.hotelmesh.reservation.domain.RefundState;
import org.hotelmesh.reservation.domain.ReservationStatus;
import org.hotelmesh.reservation.repository.ReservationRepository.ReleasedStay;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The booking saga's steps on the reservation row. Every transition is conditional on the state it leaves, so of
 * concurrent actors (the request, a replay, the recovery and expiry jobs, another replica) exactly one makes it and the
 * others see that nothing changed.
 */
@ApplicationScoped
public class SagaRepository {

    /** Who the history names for transitions the saga makes on its own. */
    public static final String BY_PAYMENT = "system:payment";
    public static final String BY_HOLD_EXPIRY = "system:hold-expiry";

    /** What the saga needs of a reservation to take its next step. Amounts in minor units of {@code currency}. */
    public record SagaState(String reservationId, ReservationStatus status, PaymentState payment, String paymentToken,
            String currency, Long totalMinor, RefundState refund, Long refundMinor) {
    }

    public Uni<Optional<SagaState>> find(SqlClient client, String id) {
        return client.preparedQuery("""
                SELECT reservation_id, status, payment_state, payment_token, currency,
                total_amount_minor, refund_state, refund_minor FROM reservation WHERE reservation_id = $1
                """)
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? Optional.<SagaState>empty() : Optional.of(toState(rows.iterator().next())));
    }

    /**
     * Reservations whose payment outcome is unknown here or whose refund is owed, untouched for {@code untouchedFor}
     * (younger ones are still in the hands of the request that changed them), oldest first.
     */
    public Uni<List<String>> open(SqlClient client, Duration untouchedFor, int limit) {
        return client.preparedQuery("""
                SELECT reservation_id FROM reservation
                WHERE (payment_state = 'charging' OR refund_state = 'requested')
                AND updated_at < now() - make_interval(0, 0, 0, 0, 0, 0, $1) ORDER BY updated_at LIMIT $2
                """)
                .execute(Tuple.of(untouchedFor.toMillis() / 1000.0, limit))
                .map(SagaRepository::ids);
    }

    /** Pending reservations whose hold has ended, oldest first. */
    public Uni<List<String>> expiredHolds(SqlClient client, int limit) {
        return client.preparedQuery("""
                SELECT reservation_id FROM reservation
                WHERE status = 'pending' AND hold_expires_at <= now() ORDER BY hold_expires_at LIMIT $1
                """)
                .execute(Tuple.of(limit))
                .map(SagaRepository::ids);
    }

    /**
     * pending -> paid with the captured payment, and its history row, in one statement (atomic on its own, one round
     * trip: the common end of every booking); false when the reservation was no longer pending.
     */
    public Uni<Boolean> markPaid(SqlClient client, String id, String paymentId) {
        return client.preparedQuery("""
                UPDATE reservation SET status = 'paid', payment_state = 'captured', payment_id = $2,
                decline_code = NULL, status_by = $3 WHERE reservation_id = $1 AND status = 'pending'
                """)
                .execute(Tuple.of(id, paymentId, BY_PAYMENT))
                .map(rows -> rows.rowCount() == 1);
    }

    /**
     * A charge captured after the reservation ended (its hold expired, or it was canceled while the charge ran): the
     * whole amount is owed back. False when that was recorded before (or the reservation is paid after all).
     */
    public Uni<Boolean> oweCaptureBack(SqlClient client, String id, String paymentId) {
        return client.preparedQuery("""
                UPDATE reservation SET payment_state = 'captured', payment_id = $2,
                refund_state = 'requested', refund_minor = total_amount_minor
                WHERE reservation_id = $1 AND status IN ('canceled', 'rejected') AND refund_state = 'none'
                AND payment_state IN ('charging', 'none', 'failed')
                """)
                .execute(Tuple.of(id, paymentId))
                .map(rows -> rows.rowCount() == 1);
    }

    /** pending -> rejected after a declined or failed charge: the stay to release when this call rejected it. */
    public Uni<Optional<ReleasedStay>> reject(SqlClient client, String id, PaymentState state, String declineCode) {
        return ReservationRepository.endStay(client, """
                UPDATE reservation SET status = 'rejected', payment_state = $2, decline_code = $3, status_by = $4
                WHERE reservation_id = $1 AND status = 'pending'
                """,
                Tuple.of(id, state.db(), declineCode, BY_PAYMENT));
    }

    /** A charge's failure on a reservation that ended meanwhile: recorded, nothing to release. */
    public Uni<Void> recordFailure(SqlClient client, String id, PaymentState state, String declineCode) {
        return client.preparedQuery("""
                UPDATE reservation SET payment_state = $2, decline_code = $3
                WHERE reservation_id = $1 AND payment_state = 'charging' AND status <> 'pending'
                """)
                .execute(Tuple.of(id, state.db(), declineCode))
                .replaceWithVoid();
    }

    /**
     * No charge ever reached payment-svc for a reservation that ended: there is nothing to wait for. Only once the
     * booking is older than {@code chargeWindow}: until then its own request (on another replica, perhaps) may still
     * be about to charge, and the capture must find the reservation still waiting for it.
     */
    public Uni<Void> abandonCharge(SqlClient client, String id, Duration chargeWindow) {
        return client.preparedQuery("""
                UPDATE reservation SET payment_state = 'none'
                WHERE reservation_id = $1 AND payment_state = 'charging' AND status <> 'pending'
                AND created_at < now() - make_interval(0, 0, 0, 0, 0, 0, $2)
                """)
                .execute(Tuple.of(id, chargeWindow.toMillis() / 1000.0))
                .replaceWithVoid();
    }

    /**
     * paid -> refunded with the refund owed (none when zero) and the fee kept: the stay to release when this call
     * made the change.
     */
    public Uni<Optional<ReleasedStay>> cancelPaid(SqlClient client, String id, String by, long refundMinor,
            long feeMinor, LocalDate releaseFrom) {
        return endAfterPayment(client, id, ReservationStatus.PAID, ReservationStatus.REFUNDED, by, refundMinor,
                feeMinor, releaseFrom);
    }

    /**
     * Ends a paid stay ({@code from} paid or checked in) as {@code to} (refunded, checked out, no-show), with the refund
     * owed (none when zero), the fee kept and the first night given back ({@code releaseFrom}; null: all of them,
     * the stay's end: none). Returns the nights to release when this call made the change; empty when another call
     * had already moved the reservation on.
     */
    public Uni<Optional<ReleasedStay>> endAfterPayment(SqlClient client, String id, ReservationStatus from,
            ReservationStatus to, String by, long refundMinor, long feeMinor, LocalDate releaseFrom) {
        return ReservationRepository.endStay(client, """
                UPDATE reservation SET status = $6,
                refund_state = CASE WHEN $2 > 0 THEN 'requested' ELSE 'none' END,
                refund_minor = nullif($2, 0), fee_minor = $3, nights_released_from = $4, status_by = $7
                WHERE reservation_id = $1 AND status = $5
                """,
                Tuple.of(id, refundMinor, feeMinor, releaseFrom, from.db(), to.db()).addValue(by))
                .map(ended -> releaseFrom == null ? ended : ended.map(stay -> stay.from(releaseFrom)));
    }

    /** The owed refund went through (or failed for good): recorded once. */
    public Uni<Void> finishRefund(SqlClient client, String id, RefundState outcome) {
        return client.preparedQuery("""
                UPDATE reservation SET refund_state = $2
                WHERE reservation_id = $1 AND refund_state = 'requested'
                """)
                .execute(Tuple.of(id, outcome.db()))
                .replaceWithVoid();
    }

    private static List<String> ids(RowSet<Row> rows) {
        List<String> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.getString(0)));
        return ids;
    }

    private static SagaState toState(Row row) {
        return new SagaState(row.getString("reservation_id"), ReservationStatus.fromDb(row.getString("status")),
                PaymentState.fromDb(row.getString("payment_state")), row.getString("payment_token"),
                row.getString("currency"), row.getLong("total_amount_minor"),
                RefundState.fromDb(row.getString("refund_state")), row.getLong("refund_minor"));
    }
}
