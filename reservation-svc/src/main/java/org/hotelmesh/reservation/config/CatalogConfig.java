package org.hotelmesh.reservation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Calls to hotel-svc for the hotel's time zone and room types. */
@ConfigMapping(prefix = "hotelmesh.catalog")
public interface CatalogConfig {

    /** Deadline of one GetHotel call. */
    @WithDefault("2s")
    Duration deadline();

    /** How long an answer (also "no such hotel") is reused; every booking needs it. */
    @WithDefault("30s")
    Duration cacheTtl();
}
