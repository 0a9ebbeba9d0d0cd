package org.hotelmesh.support.client;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * How one service calls one downstream, read from {@code hotelmesh.clients.<service>.*}, else from
 * {@code hotelmesh.clients.defaults.*}, else the defaults below. The one place a client's deadline, retries and
 * breaker are set; docs/configuration.md lists the keys.
 */
public record DownstreamSettings(
        Duration deadline,
        Duration writeDeadline,
        int maxRetries,
        Duration retryDelay,
        Duration retryJitter,
        int breakerRequestVolume,
        double breakerFailureRatio,
        Duration breakerDelay,
        int breakerSuccessThreshold) {

    static final String PREFIX = "hotelmesh.clients.";

    public static DownstreamSettings read(Config config, String service) {
        Duration deadline = duration(config, service, "deadline", Duration.ofSeconds(2));
        return new DownstreamSettings(
                deadline,
                duration(config, service, "write-deadline", deadline),
                integer(config, service, "retry.max-retries", 2),
                duration(config, service, "retry.delay", Duration.ofMillis(50)),
                duration(config, service, "retry.jitter", Duration.ofMillis(25)),
                integer(config, service, "breaker.request-volume", 20),
                value(config, service, "breaker.failure-ratio", Double.class).orElse(0.5),
                duration(config, service, "breaker.delay", Duration.ofSeconds(5)),
                integer(config, service, "breaker.success-threshold", 1));
    }

    private static Duration duration(Config config, String service, String key, Duration fallback) {
        return value(config, service, key, Duration.class).orElse(fallback);
    }

    private static int integer(Config config, String service, String key, int fallback) {
        return value(config, service, key, Integer.class).orElse(fallback);
    }

    private static <T> Optional<T> value(Config config, String service, String key, Class<T> type) {
        return config.getOptionalValue(PREFIX + service + "." + key, type)
                .or(() -> config.getOptionalValue(PREFIX + "defaults." + key, type));
    }
}
