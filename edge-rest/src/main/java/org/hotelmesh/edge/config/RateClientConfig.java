package org.hotelmesh.edge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "hotelmesh.rate-client")
public interface RateClientConfig {

    /** Deadline of every call to rate-svc (each attempt, when retried). */
    @WithDefault("2S")
    Duration deadline();
}
