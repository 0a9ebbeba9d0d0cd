package org.hotelmesh.rate.domain;

import java.math.BigDecimal;

/**
 * How full a night is: {@code reserved} of {@code total} rooms (total_reserved / total_inventory of reservation-svc).
 * Kept as the two counts so that a threshold is matched exactly (5 of 10 is at least 0.5, with no floating-point
 * doubt). A night with no rooms in service (or no inventory row) counts as full.
 */
public record Occupancy(int reserved, int total) {

    /** A night reservation-svc has no rooms for: nothing can be sold, so it prices as full. */
    public static final Occupancy NO_ROOMS = new Occupancy(0, 0);

    public boolean hasRooms() {
        return total > 0;
    }

    /** reserved / total, 1.0 without rooms; above 1 when overbooked. */
    public double ratio() {
        return hasRooms() ? (double) reserved / total : 1.0;
    }

    /** Whether this occupancy is at least {@code min} (0..1), compared exactly. */
    public boolean atLeast(BigDecimal min) {
        if (!hasRooms()) {
            return min.compareTo(BigDecimal.ONE) <= 0;
        }
        return min.multiply(BigDecimal.valueOf(total)).compareTo(BigDecimal.valueOf(reserved)) <= 0;
    }
}
