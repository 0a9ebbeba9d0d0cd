package org.hotelmesh.edge.api;

import java.util.List;

/** A hotel found for a stay: its cheapest total and its available offers, cheapest first. */
public record SearchHitDto(String hotelID, String name, AddressDto address, int starRating, String timeZone,
        MoneyDto cheapestTotal, List<OfferDto> offers) {
}
