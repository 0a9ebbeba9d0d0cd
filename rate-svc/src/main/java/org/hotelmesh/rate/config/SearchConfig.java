package org.hotelmesh.rate.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The stay search: how long it reuses what it read of the catalog, the inventory and the prices, and how much it
 * reads at once. A copy older than its TTL is read again; a booking and a quote always price afresh, so a search
 * may show a price or a room count up to a TTL old, never charge it.
 */
@ConfigMapping(prefix = "hotelmesh.search")
public interface SearchConfig {

    /** How long a place's hotels and room types (hotel-svc) are reused: a new or changed hotel shows after this. */
    @WithDefault("30s")
    Duration catalogTtl();

    /** How long a hotel's rooms left and occupancy on a night (reservation-svc) are reused. */
    @WithDefault("5s")
    Duration stockTtl();

    /** How long a hotel's base prices of a night and its pricing rules are reused. */
    @WithDefault("10s")
    Duration priceTtl();

    /**
     * How long the search waits for a place's hotels from hotel-svc (FindHotels), instead of the hotel-svc client's
     * deadline: a place is read once for every search of it for the catalog TTL, so a slow read at a cold start is
     * worth waiting for; given up on at the short deadline it would be cancelled, retried, and read by every search.
     */
    @WithDefault("3s")
    Duration catalogDeadline();

    /** At most this many (hotel, night) entries are kept per copy; the least recently used go first. */
    @WithDefault("200000")
    long cacheSize();

    /** A place with more hotels than this is refused (INVALID_ARGUMENT naming the place): name a smaller one. */
    @WithDefault("2000")
    int maxHotels();

    /** The hotels one read of the inventory or the prices covers; more are read in several, at once. */
    @WithDefault("250")
    int hotelsPerRead();
}
