package org.hotelmesh.reservation.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Free cancellation until {@code freeUntilDays} before arrival (in the hotel's calendar); later, a fee of the first
 * night of every room, or {@code feePercent} of the total. {@code feePercent} is null unless the fee is a percentage.
 */
public record CancellationPolicy(int freeUntilDays, Fee fee, Integer feePercent) {

    public static final int MAX_FREE_UNTIL_DAYS = 365;

    public enum Fee {
        FIRST_NIGHT, PERCENTAGE;

        public String db() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Fee fromDb(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** The last day (hotel calendar) on which cancelling the stay starting {@code arrival} is free. */
    public LocalDate freeUntil(LocalDate arrival) {
        return arrival.minusDays(freeUntilDays);
    }

    /** The fee for cancelling on {@code today}: zero until {@link #freeUntil}, then the policy's fee, never above the total. */
    public long feeMinor(StayPrice price, int rooms, LocalDate arrival, LocalDate today) {
        if (!today.isAfter(freeUntil(arrival))) {
            return 0;
        }
        long fee = switch (fee()) {
            case FIRST_NIGHT -> price.nightlyMinor().get(0) * rooms;
            case PERCENTAGE -> BigDecimal.valueOf(price.totalMinor()).multiply(BigDecimal.valueOf(feePercent))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
        };
        return Math.min(fee, price.totalMinor());
    }

    /** The policy in words, e.g. "free cancellation until 3 days before arrival; after that, the first night is charged". */
    public String terms() {
        String free = switch (freeUntilDays) {
            case 0 -> "free cancellation until the day of arrival";
            case 1 -> "free cancellation until 1 day before arrival";
            default -> "free cancellation until " + freeUntilDays + " days before arrival";
        };
        String late = fee == Fee.FIRST_NIGHT ? "the first night is charged" : feePercent + "% of the total is charged";
        return free + "; after that, " + late;
    }

    /** {@link #terms()} for a stay, with the last free day spelled out. */
    public String terms(LocalDate arrival) {
        return terms() + " (free until " + freeUntil(arrival) + ", hotel time)";
    }
}
