package org.hotelmesh.hotel.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Delivery of room types' in-service counts to reservation-svc through the capacity outbox. */
@ConfigMapping(prefix = "hotelmesh.capacity-sync")
public interface CapacitySyncConfig {

    /**
     * Whether this replica delivers the outbox (false: writes still enqueue, nothing is sent, so turning it back on
     * catches up).
     */
    @WithDefault("true")
    boolean enabled();

    /** How often the sweep delivers every pending row (read by the @Scheduled expression). */
    @WithDefault("5s")
    Duration interval();

    /** Rows delivered per sweep batch; a sweep continues with the next batch while batches come back full. */
    @WithDefault("100")
    int batchSize();

    /** Whether start-up enqueues every room type's current count once (repairs a lost outbox or a new database). */
    @WithDefault("true")
    boolean reconcileOnStart();
}
