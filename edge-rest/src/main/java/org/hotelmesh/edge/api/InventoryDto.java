package org.hotelmesh.edge.api;

import java.math.BigDecimal;
import java.util.List;

/** The inventory rows of one room type, one per date. */
public record InventoryDto(List<Row> items) {

    public record Row(String date, int totalInventory, int totalReserved, BigDecimal overbookingRatio,
                      int sellableLimit, int maintenance, long version) {
    }
}
