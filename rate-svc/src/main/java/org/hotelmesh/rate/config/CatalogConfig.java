package org.hotelmesh.rate.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Calls to hotel-svc for a hotel's time zone and room types. */
@ConfigMapping(prefix = "hotelmesh.catalog")
public interface CatalogConfig {

    /**
     * Deadline of one GetHotel call. Short: a caller (reservation-svc prices a booking with a 2 s deadline) must get
     * an answer even after two retries.
     */
    @WithDefault("500ms")
    Duration deadline();

    /** How long a hotel is reused; a room type missing from it is looked up again at once, so new ones work. */
    @WithDefault("30s")
    Duration cacheTtl();
}
