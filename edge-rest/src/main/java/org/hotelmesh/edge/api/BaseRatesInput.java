package org.hotelmesh.edge.api;

import java.util.List;

/**
 * The body of PUT .../base-rates: the base price of one room per night over [startDate, endDate), in minor units
 * (cents for EUR), optionally only on some weekdays ({@code ["FRIDAY","SATURDAY"]}); rate-svc checks the values.
 */
public record BaseRatesInput(String startDate, String endDate, Long amount, String currency,
                             List<String> daysOfWeek) {
}
