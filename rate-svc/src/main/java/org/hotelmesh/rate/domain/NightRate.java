package org.hotelmesh.rate.domain;

import java.time.LocalDate;

/**
 * One night as priced now: {@code priceMinor} (per room) and {@code basePriceMinor} are null when the night has no
 * base price (not sellable). {@code occupancy} is reserved / total, 1.0 for a night without rooms.
 */
public record NightRate(LocalDate date, Long priceMinor, Long basePriceMinor, String currency, double occupancy) {

    public boolean sellable() {
        return priceMinor != null;
    }
}
