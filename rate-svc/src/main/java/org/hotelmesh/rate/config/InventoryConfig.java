package org.hotelmesh.rate.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Calls to reservation-svc's InventoryService for the occupancy of nights. */
@ConfigMapping(prefix = "hotelmesh.inventory")
public interface InventoryConfig {

    /**
     * Deadline of one GetInventory call. Short: with two retries it still fits in reservation-svc's 2 s deadline for
     * pricing a booking.
     */
    @WithDefault("500ms")
    Duration deadline();
}
