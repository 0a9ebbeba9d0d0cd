package org.hotelmesh.edge.api;

import java.util.List;

/**
 * One room type for a stay: whether it fits the guests (max occupancy x rooms), whether it can be booked now
 * ({@code available}: on sale, fits, {@code roomsLeft} >= rooms on every night, every night priced), the fewest rooms
 * left on any night, the total for the stay (nights x rooms; null when a night has no price) and each night's price
 * per room (null when the night has no price). Amounts are in minor units of the hotel's currency.
 */
public record OfferDto(String roomTypeID, String name, int maxOccupancy, String bedConfiguration,
        List<String> amenities, boolean fits, boolean available, int roomsLeft, MoneyDto total, List<Night> nights) {

    public record Night(String date, MoneyDto price) {
    }
}
