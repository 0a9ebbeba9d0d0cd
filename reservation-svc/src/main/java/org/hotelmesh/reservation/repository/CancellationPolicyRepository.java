package org.hotelmesh.reservation.repository;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.domain.CancellationPolicy;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/** The hotels' own cancellation policies (a hotel without a row has the configured default). */
@ApplicationScoped
public class CancellationPolicyRepository {

    public Uni<Optional<CancellationPolicy>> find(SqlClient client, long hotelId) {
        return client.preparedQuery("""
                SELECT free_until_days AS cancel_free_until_days, fee_kind AS cancel_fee_kind,
                fee_percent AS cancel_fee_percent FROM cancellation_policy WHERE hotel_id = $1
                """)
                .execute(Tuple.of(hotelId))
                .map(rows -> rows.size() == 0 ? Optional.<CancellationPolicy>empty()
                        : Optional.of(ReservationRepository.policy(rows.iterator().next())));
    }

    public Uni<Void> save(SqlClient client, long hotelId, CancellationPolicy policy) {
        return client.preparedQuery("""
                INSERT INTO cancellation_policy (hotel_id, free_until_days, fee_kind, fee_percent)
                VALUES ($1, $2::int, $3, $4::int) ON CONFLICT (hotel_id) DO UPDATE
                SET free_until_days = EXCLUDED.free_until_days, fee_kind = EXCLUDED.fee_kind,
                fee_percent = EXCLUDED.fee_percent, updated_at = now()
                """)
                .execute(Tuple.of(hotelId, policy.freeUntilDays(), policy.fee().db(), policy.feePercent()))
                .replaceWithVoid();
    }
}
