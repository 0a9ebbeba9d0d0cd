package org.hotelmesh.reservation.domain;

import java.util.List;

/**
 * What a booking is charged: the price of each night per room (first night first) and the total for all rooms, in one
 * currency. Comes from rate-svc, either from a quote the guest reviewed or priced at booking time.
 */
public record StayPrice(String currency, List<Long> nightlyMinor, long totalMinor) {

    public StayPrice {
        if (currency == null || nightlyMinor == null || nightlyMinor.isEmpty()) {
            throw new IllegalArgumentException("a stay price needs a currency and at least one night");
        }
        nightlyMinor = List.copyOf(nightlyMinor);
    }
}
