package org.hotelmesh.payment.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotelmesh.payments")
public interface PaymentsConfig {

    /** A charge or refund still PROCESSING this long after its last change is resumed (longer than any gateway call). */
    @WithDefault("1M")
    Duration resumeAfter();

    /** How often the resume job looks for them. */
    @WithDefault("30s")
    Duration resumeEvery();

    /**
     * A refund the processor has not confirmed this long after it was asked for is stuck: counted in the metric
     * hotelmesh_refunds_stuck (and flagged on the reservation for staff by reservation-svc).
     */
    @WithDefault("1H")
    Duration refundStuckAfter();
}
