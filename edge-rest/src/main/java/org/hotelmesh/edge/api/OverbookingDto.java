package org.hotelmesh.edge.api;

import java.math.BigDecimal;

/**
 * The overbooking ratio of a room type (1.10 sells 10% more rooms than are in service). Read as BigDecimal so the
 * number of decimals the client sent can be checked.
 */
public record OverbookingDto(BigDecimal ratio) {
}
