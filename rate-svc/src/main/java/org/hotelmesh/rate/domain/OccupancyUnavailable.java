package org.hotelmesh.rate.domain;

/**
 * reservation-svc did not answer in time or is down: a price depends on occupancy, so nothing is priced at a guessed
 * occupancy (maps to UNAVAILABLE).
 */
public final class OccupancyUnavailable extends RateException {

    public OccupancyUnavailable(String message) {
        super(message);
    }
}
