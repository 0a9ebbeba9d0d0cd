package org.hotelmesh.rate.domain;

import java.util.List;

/** Pricing rules as a client wrote them, before validation; {@code roomTypeId} 0 = the hotel's rules. */
public record RulesInput(long hotelId, long roomTypeId, List<ThresholdInput> thresholds, long floorMinor,
        long ceilingMinor) {

    public RulesInput {
        thresholds = List.copyOf(thresholds);
    }
}
