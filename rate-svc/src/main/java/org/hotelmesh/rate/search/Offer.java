package org.hotelmesh.rate.search;

import java.util.List;

import org.hotelmesh.proto.hotel.v1.RoomType;
import org.hotelmesh.rate.domain.NightRate;

/**
 * One room type for a stay: whether its hotel is on sale, whether it fits the guests ({@code maxOccupancy x rooms >=
 * guests}), the fewest rooms left on any night, each night's price per room and the total (nights x rooms; null when
 * a night has no price). Available: on sale, it fits, has the rooms on every night and every night is priced.
 */
public record Offer(RoomType roomType, boolean onSale, boolean fits, int roomsLeft, List<NightRate> nights,
        Long totalMinor, String currency, int rooms) {

    public boolean priced() {
        return totalMinor != null;
    }

    public boolean available() {
        return onSale && fits && priced() && roomsLeft >= rooms;
    }
}
