package org.hotelmesh.hotel.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The read-through Redis cache of hotel details. */
@ConfigMapping(prefix = "hotelmesh.cache")
public interface CacheConfig {

    /** Whether GetHotel uses Redis at all (false: every read and write goes to PostgreSQL only). */
    @WithDefault("true")
    boolean enabled();

    /** How long cached details live; the generation key lives twice as long. */
    @WithDefault("10M")
    Duration detailsTtl();

    /** How long one Redis command may take before the request carries on without the cache. */
    @WithDefault("500ms")
    Duration timeout();
}
