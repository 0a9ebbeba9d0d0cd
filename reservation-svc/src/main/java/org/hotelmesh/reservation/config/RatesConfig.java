package org.hotelmesh.reservation.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Calls to rate-svc for the price of a booking. */
@ConfigMapping(prefix = "hotelmesh.rates")
public interface RatesConfig {

    /**
     * Deadline of one PriceStay or GetQuote call. rate-svc may itself ask reservation-svc for occupancy, so this is
     * wider than a plain read, but a booking must fail fast when pricing is down.
     */
    @WithDefault("2s")
    Duration deadline();
}
