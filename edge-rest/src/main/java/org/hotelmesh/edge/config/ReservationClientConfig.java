package org.hotelmesh.edge.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "hotelmesh.reservation-client")
public interface ReservationClientConfig {

    /**
     * Deadline of every call to reservation-svc (each attempt, when retried). Longer than the catalog's: a booking
     * may wait behind a batch of concurrent bookings for the same inventory.
     */
    @WithDefault("3S")
    Duration deadline();
}
