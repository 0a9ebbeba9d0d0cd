package org.hotelmesh.reservation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The booking saga's background jobs: recovery of unknown payment outcomes and owed refunds, expiry of holds. */
@ConfigMapping(prefix = "hotelmesh.saga")
public interface SagaConfig {

    /** How long a pending reservation holds its rooms before it is canceled. */
    @WithDefault("15M")
    Duration holdTtl();

    /** How often the recovery job looks for reservations whose payment outcome is unknown or whose refund is owed. */
    @WithDefault("5s")
    Duration recoverEvery();

    /**
     * A reservation untouched for this long is the recovery job's; younger ones are still being worked on by the
     * request that changed them. Wider than the longest live charge (deadline and its retries).
     */
    @WithDefault("15s")
    Duration recoverAfter();

    /** How often the expiry job cancels pending reservations whose hold has ended. */
    @WithDefault("30s")
    Duration expireEvery();

    /**
     * A refund asked for this long ago and still not confirmed by the processor is overdue: flagged on the reservation
     * (payment.refund_overdue) for staff, and counted by payment-svc's metric hotelmesh_refunds_stuck.
     */
    @WithDefault("1H")
    Duration refundOverdueAfter();

    /** Most reservations one run of a job handles; the next run takes the rest. */
    @WithDefault("200")
    int batchSize();
}
