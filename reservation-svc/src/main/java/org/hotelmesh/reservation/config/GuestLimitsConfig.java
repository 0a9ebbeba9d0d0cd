package org.hotelmesh.reservation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * What one guest may hold at once when booking for themselves (staff and tools booking for guests are not held to
 * it): a booking past either is answered RESOURCE_EXHAUSTED (429 at the edge) naming the limit.
 */
@ConfigMapping(prefix = "hotelmesh.guest-limits")
public interface GuestLimitsConfig {

    /** Unpaid holds (pending reservations) one guest may have at once. */
    @WithDefault("3")
    int unpaidHolds();

    /** Rooms one guest may hold at one hotel on any one night, over all their pending and paid reservations. */
    @WithDefault("10")
    int roomsPerHotelNight();
}
