package org.hotelmesh.rate.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Occupancy pricing: the rules of a hotel that has set none, and how long a night's occupancy is reused. */
@ConfigMapping(prefix = "hotelmesh.rates")
public interface RatesConfig {

    /**
     * How long a night's occupancy, read from reservation-svc, is reused. Longer spares reservation-svc; shorter
     * makes prices follow bookings sooner (a quote keeps its price anyway).
     */
    @WithDefault("5s")
    Duration occupancyCacheTtl();

    /** At most this many (hotel, room type, night) occupancies are kept; the least recently used go first. */
    @WithDefault("100000")
    long occupancyCacheSize();

    /**
     * The thresholds of a hotel without rules of its own, each {@code minOccupancy:multiplier[:surchargeMinor]}, e.g.
     * {@code 0.70:1.10} (+10% from 70% full); {@code none} for no adjustment. Checked like staff's rules at start.
     */
    @WithDefault("0.70:1.10,0.90:1.25")
    List<String> defaultThresholds();

    /** The default lowest nightly price in minor units, 0 = none. */
    @WithDefault("0")
    long defaultFloor();

    /** The default highest nightly price in minor units, 0 = none. */
    @WithDefault("0")
    long defaultCeiling();
}
