package org.hotelmesh.reservation.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One inventory row. {@code sellableLimit} = floor(totalInventory x overbookingRatio), computed by PostgreSQL in
 * numeric arithmetic so that code and the guard trigger never disagree by a rounding error.
 */
public record InventoryNight(long roomTypeId, LocalDate date, int roomsInService, int maintenance,
        int totalInventory, int totalReserved, BigDecimal overbookingRatio, int sellableLimit, long version) {

    public int remaining() {
        return Math.max(sellableLimit - totalReserved, 0);
    }
}
