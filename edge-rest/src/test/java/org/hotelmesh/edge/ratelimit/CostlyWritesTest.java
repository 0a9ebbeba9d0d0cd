package org.hotelmesh.edge.ratelimit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which writes count in the bucket of bookings: those that price a stay and may charge a card. */
class CostlyWritesTest {

    @Test
    void bookingsQuotesAndChangesOfStayAreCostly() {
        assertTrue(RateLimitFilter.costly("/v1/reservations"));
        assertTrue(RateLimitFilter.costly("/v1/quotes"));
        assertTrue(RateLimitFilter.costly("/v1/reservations/6f1c2d3e-0000-4000-8000-000000000001/changes"));
    }

    @Test
    void frontDeskWorkIsNot() {
        assertFalse(RateLimitFilter.costly("/v1/reservations/r-1/check-in"));
        assertFalse(RateLimitFilter.costly("/v1/reservations/r-1/room-moves"));
        assertFalse(RateLimitFilter.costly("/v1/reservations/r-1/check-out"));
        assertFalse(RateLimitFilter.costly("/v1/reservations/r-1/changes/extra"));
        assertFalse(RateLimitFilter.costly("/v1/reservation-ids"));
    }
}
