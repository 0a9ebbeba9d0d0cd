package org.hotelmesh.payment.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotelmesh.gateway")
public interface GatewayConfig {

    /** How long the simulated processor takes to approve {@code tok_slow}. */
    @WithDefault("5s")
    Duration slowDelay();

    /**
     * The longest wait for the gateway. Past it the payment stays PROCESSING and the resume job asks the gateway
     * again with the same idempotency key.
     */
    @WithDefault("30s")
    Duration timeout();
}
