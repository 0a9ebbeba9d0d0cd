package org.hotelmesh.edge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "hotelmesh.rate-limit")
public interface RateLimitConfig {

    @WithDefault("true")
    boolean enabled();

    /** Requests one client identity may make per window. */
    @WithDefault("1200")
    int requests();

    /** Length of a fixed window. */
    @WithDefault("1M")
    Duration window();

    /** Use the first X-Forwarded-For address as the client IP (only behind a proxy that sets it). */
    @WithDefault("false")
    boolean trustForwardedFor();

    /** How long to wait for Redis before letting the request through uncounted. */
    @WithDefault("0.5S")
    Duration redisTimeout();
}
