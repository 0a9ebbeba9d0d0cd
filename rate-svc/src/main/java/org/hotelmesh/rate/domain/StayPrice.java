package org.hotelmesh.rate.domain;

import java.util.List;

/** The price of a stay: every night's price per room, and the total = sum of the nights x rooms. */
public record StayPrice(String currency, List<NightRate> nights, int rooms, long totalMinor) {

    public StayPrice {
        nights = List.copyOf(nights);
    }
}
