package org.hotelmesh.reservation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The advisory Redis cache of remaining rooms per night; bookings never read it. */
@ConfigMapping(prefix = "hotelmesh.availability-cache")
public interface AvailabilityCacheConfig {

    /** false: GetAvailability reads PostgreSQL only and nothing is written to Redis. */
    @WithDefault("true")
    boolean enabled();

    /** Lifetime of one night's entry; bounds how long a lost update can linger. */
    @WithDefault("1H")
    Duration ttl();

    /** How long one Redis command may take before the request carries on without the cache. */
    @WithDefault("500ms")
    Duration timeout();
}
