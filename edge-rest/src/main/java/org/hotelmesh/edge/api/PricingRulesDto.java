package org.hotelmesh.edge.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * Occupancy pricing rules of a hotel, or of one of its room types. The highest threshold whose {@code minOccupancy}
 * (0 to 1) the night reaches applies: price x {@code multiplier} + {@code surcharge} (minor units, may be negative),
 * then bounded by {@code floor} and {@code ceiling} (minor units; null = none).
 *
 * <p>Read: {@code roomTypeID} is null for the hotel's own rules, {@code source} says where the rules in force come
 * from ({@code room_type}, {@code hotel} or {@code default}). Write: {@code hotelID}, {@code roomTypeID} may be sent
 * back as read but must then name the rules being written; {@code source} is ignored.
 */
public record PricingRulesDto(String hotelID, String roomTypeID, List<Threshold> thresholds, Long floor,
                              Long ceiling, String source) {

    public record Threshold(BigDecimal minOccupancy, BigDecimal multiplier, Long surcharge) {
    }
}
