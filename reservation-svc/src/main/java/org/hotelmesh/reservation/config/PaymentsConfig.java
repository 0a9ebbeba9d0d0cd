package org.hotelmesh.reservation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Calls to payment-svc (the booking saga's charges and refunds). */
@ConfigMapping(prefix = "hotelmesh.payments")
public interface PaymentsConfig {

    /**
     * Deadline of one Charge, Refund or GetPayment call. A charge slower than this does not fail the booking: it
     * stays pending and the recovery job learns the outcome.
     */
    @WithDefault("3s")
    Duration deadline();
}
