package org.hotelmesh.hotel.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Questions hotel-svc asks reservation-svc before a write (HasFutureReservations). */
@ConfigMapping(prefix = "hotelmesh.reservations")
public interface ReservationsConfig {

    /** Deadline of one HasFutureReservations call. */
    @WithDefault("2s")
    Duration deadline();
}
