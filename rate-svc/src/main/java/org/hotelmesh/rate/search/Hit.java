package org.hotelmesh.rate.search;

import java.util.List;

import org.hotelmesh.proto.hotel.v1.Hotel;

/** A hotel found for a stay, with its available offers, cheapest first (at least one). */
public record Hit(Hotel hotel, List<Offer> offers) {

    public Offer cheapest() {
        return offers.get(0);
    }

    /** Where the hit stands in a sorted list: what a page token keeps of its last hit. */
    SortKey key() {
        return new SortKey(hotel.getDetails().getStarRating(), cheapest().currency(), cheapest().totalMinor(),
                hotel.getId());
    }

    record SortKey(int stars, String currency, long totalMinor, long hotelId) {
    }
}
