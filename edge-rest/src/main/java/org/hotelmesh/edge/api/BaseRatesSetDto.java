package org.hotelmesh.edge.api;

/** How many nights a PUT .../base-rates priced. */
public record BaseRatesSetDto(int nightsSet) {
}
