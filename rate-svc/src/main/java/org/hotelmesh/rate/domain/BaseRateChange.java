package org.hotelmesh.rate.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Staff set the base price of every night in [startDate, endDate), or only of the nights on {@code daysOfWeek} when
 * that is not empty. Dates are null when the request left them unset or gave an impossible date; a day is null when
 * the request named no valid day there (the validator reports both by field name).
 */
public record BaseRateChange(long hotelId, long roomTypeId, LocalDate startDate, LocalDate endDate,
        long amountMinor, String currency, List<DayOfWeek> daysOfWeek) {

    public BaseRateChange {
        daysOfWeek = Collections.unmodifiableList(new ArrayList<>(daysOfWeek));
    }
}
