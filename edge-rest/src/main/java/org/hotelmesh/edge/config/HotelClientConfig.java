package org.hotelmesh.edge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "hotelmesh.hotel-client")
public interface HotelClientConfig {

    /** Deadline of every call to hotel-svc (each attempt, when a read is retried). */
    @WithDefault("2S")
    Duration deadline();
}
