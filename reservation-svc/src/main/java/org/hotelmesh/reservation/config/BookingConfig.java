package org.hotelmesh.reservation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The booking engine's retry budget and batching. */
@ConfigMapping(prefix = "hotelmesh.booking")
public interface BookingConfig {

    /** Optimistic-locking attempts per batch before the callers get ABORTED "the inventory is busy; retry". */
    @WithDefault("8")
    int maxAttempts();

    /** Back-off before the first retry; doubles per retry up to {@link #backoffMax()}, with jitter. */
    @WithDefault("2ms")
    Duration backoffMin();

    @WithDefault("50ms")
    Duration backoffMax();

    /** Most bookings of one room type decided in one transaction. */
    @WithDefault("64")
    int batchSize();

    /**
     * Most bookings of one room type waiting behind the batch in flight; one more is answered RESOURCE_EXHAUSTED
     * at once (429 with Retry-After at the edge) instead of queueing past its caller's deadline.
     */
    @WithDefault("512")
    int maxQueued();
}
