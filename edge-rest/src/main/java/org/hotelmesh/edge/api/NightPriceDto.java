package org.hotelmesh.edge.api;

/** The price of one room for one night of a stay. */
public record NightPriceDto(String date, long amount, String currency) {
}
