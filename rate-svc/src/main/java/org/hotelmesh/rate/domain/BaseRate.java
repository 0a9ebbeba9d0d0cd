package org.hotelmesh.rate.domain;

import java.time.LocalDate;

/** The base price of one night, before the occupancy adjustment. */
public record BaseRate(LocalDate date, long amountMinor, String currency) {
}
