package org.hotelmesh.reservation.domain;

import java.time.LocalDate;

/**
 * Remaining rooms of one room type on one night. The totals are known only when the night was read from the
 * database; the availability cache holds the remaining count alone.
 */
public record NightAvailability(long roomTypeId, LocalDate date, int remaining, Integer totalInventory,
        Integer totalReserved) {

    public static NightAvailability of(InventoryNight night) {
        return new NightAvailability(night.roomTypeId(), night.date(), night.remaining(), night.totalInventory(),
                night.totalReserved());
    }
}
