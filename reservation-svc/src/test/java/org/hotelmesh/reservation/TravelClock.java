package org.hotelmesh.reservation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The service's clock in tests: the real time, moved forward by {@link #travel} so a test can stand in the middle of
 * a stay it booked for the future. Every test that moves it puts it back ({@link #reset}).
 */
public final class TravelClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    private final ZoneId zone;

    TravelClock(ZoneId zone) {
        this.zone = zone;
    }

    public static void travel(Duration by) {
        offset = by;
    }

    public static void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new TravelClock(other);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    /** Replaces service-support's system clock in the test application. */
    @Singleton
    static class Producer {

        @Produces
        @Alternative
        @Priority(1)
        @Singleton
        Clock clock() {
            return new TravelClock(ZoneId.of("UTC"));
        }
    }
}
