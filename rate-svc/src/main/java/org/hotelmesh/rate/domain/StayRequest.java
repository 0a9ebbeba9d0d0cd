package org.hotelmesh.rate.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A stay to price (and, with a guest, to quote): {@code startDate} is the first night, {@code endDate} the check-out
 * day. Dates are null when the request left them unset or gave an impossible date.
 */
public record StayRequest(long hotelId, long roomTypeId, LocalDate startDate, LocalDate endDate, int rooms,
        String guestId) {

    public int nights() {
        return (int) ChronoUnit.DAYS.between(startDate, endDate);
    }
}
