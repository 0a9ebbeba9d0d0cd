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

    /**
     * Deadline of a booking and of a cancellation: reservation-svc prices the booking (rate-svc, 2 s at most), decides
     * it and charges it (payment-svc, 3 s before it answers "pending"), or refunds a cancellation.
     */
    @WithDefault("8S")
    Duration bookingDeadline();
}
