package org.hotelmesh.rate.search;

import java.time.LocalDate;
import java.util.List;

/**
 * A stay search: a place (city, country or both; null when not given), the stay, rooms and guests, the order and the
 * page. {@code pageSize} 0 means the default.
 */
public record SearchAsk(String city, String country, LocalDate startDate, LocalDate endDate, int rooms, int guests,
        Order order, int pageSize, String pageToken) {

    public enum Order {
        PRICE, RATING
    }

    public List<LocalDate> nights() {
        return startDate.datesUntil(endDate).toList();
    }
}
