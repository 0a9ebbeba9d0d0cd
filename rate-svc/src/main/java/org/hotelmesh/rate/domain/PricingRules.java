package org.hotelmesh.rate.domain;

import java.util.Comparator;
import java.util.List;

/**
 * Occupancy pricing rules: thresholds sorted by min occupancy, plus a floor and a ceiling (0 = none), all in minor
 * units of the hotel's currency. {@code roomTypeId} 0 means the hotel's rules.
 */
public record PricingRules(long hotelId, long roomTypeId, List<Threshold> thresholds, long floorMinor,
        long ceilingMinor, RuleSource source) {

    public PricingRules {
        thresholds = thresholds.stream().sorted(Comparator.comparing(Threshold::minOccupancy)).toList();
    }

    /** True when the rules change nothing: on a room type, setting these removes its own rules. */
    public boolean isEmpty() {
        return thresholds.isEmpty() && floorMinor == 0 && ceilingMinor == 0;
    }

    /** The same rules, as they apply to another hotel / room type and come from {@code source}. */
    public PricingRules appliedTo(long hotelId, long roomTypeId, RuleSource source) {
        return new PricingRules(hotelId, roomTypeId, thresholds, floorMinor, ceilingMinor, source);
    }
}
