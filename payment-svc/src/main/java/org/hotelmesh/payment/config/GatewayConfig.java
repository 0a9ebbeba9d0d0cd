package org.hotelmesh.payment.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hotelmesh.gateway")
public interface GatewayConfig {

    /**
     * Which card processor takes the money: {@code stripe}, or {@code simulated} (test tokens, no money moves). There
     * is no default: a start without one fails, so a deployment never "captures" test tokens by accident.
     */
    Optional<String> kind();

    /**
     * The longest wait for the gateway. Past it the payment stays PROCESSING and the resume job asks the gateway
     * again with the same idempotency key.
     */
    @WithDefault("30s")
    Duration timeout();

    /** How long the simulated processor takes to approve {@code tok_slow}. */
    @WithDefault("5s")
    Duration slowDelay();

    Stripe stripe();

    /** Stripe's PaymentIntents and Refunds API. */
    interface Stripe {

        /** Where the API is; tests point it at a local fake. */
        @WithDefault("https://api.stripe.com")
        String apiBase();

        /** The account's secret key ({@code sk_live_...} or {@code sk_test_...}); from a Secret, never a file. */
        Optional<String> secretKey();

        /** The API version every request pins, so an account upgrade never changes the answers' shape. */
        @WithDefault("2024-06-20")
        String apiVersion();

        /** The longest wait for a connection to the API. */
        @WithDefault("5s")
        Duration connectTimeout();
    }
}
