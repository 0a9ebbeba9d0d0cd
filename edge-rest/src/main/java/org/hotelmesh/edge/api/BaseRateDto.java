package org.hotelmesh.edge.api;

/** The base price of one room for one night, before occupancy pricing. */
public record BaseRateDto(String date, long amount, String currency) {
}
