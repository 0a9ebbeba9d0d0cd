package org.hotelmesh.edge.api;

/**
 * The current price of one room for one night. {@code amount} and {@code currency} are null when the night has no
 * base price and cannot be sold; {@code occupancy} is reserved / total inventory of the night (0 to 1, above 1 when
 * overbooked).
 */
public record NightRateDto(String date, Long amount, String currency, double occupancy) {
}
