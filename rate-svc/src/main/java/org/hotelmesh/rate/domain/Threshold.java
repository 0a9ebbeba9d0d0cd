package org.hotelmesh.rate.domain;

import java.math.BigDecimal;

/**
 * From {@code minOccupancy} on (0..1), a night costs base x {@code multiplier} + {@code surchargeMinor}. Decimals are
 * exact (at most 4 places), so the same rule always gives the same price.
 */
public record Threshold(BigDecimal minOccupancy, BigDecimal multiplier, long surchargeMinor) {
}
