package org.hotelmesh.rate.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotelmesh.rate.domain.BaseRate;
import org.hotelmesh.rate.domain.NightRate;
import org.hotelmesh.rate.domain.Occupancy;
import org.hotelmesh.rate.domain.PricingRules;
import org.hotelmesh.rate.domain.StayPrice;
import org.hotelmesh.rate.domain.Threshold;

/**
 * The price of a night, as rate.proto defines it: base price B, occupancy o; the threshold with the highest
 * min_occupancy <= o applies (none: x1, +0); price = round_half_up(B x multiplier) + surcharge, then raised to the
 * floor and lowered to the ceiling (each when set), and never below one minor unit. Exact decimal arithmetic only:
 * money is never a double.
 */
public final class PriceCalculator {

    /** The cheapest a sellable night can be: one minor unit, never zero or negative. */
    public static final long MIN_PRICE_MINOR = 1;

    private PriceCalculator() {
    }

    /** The threshold in force at this occupancy, if any (rules keep thresholds sorted by min occupancy). */
    public static Optional<Threshold> thresholdFor(PricingRules rules, Occupancy occupancy) {
        Threshold match = null;
        for (Threshold threshold : rules.thresholds()) {
            if (occupancy.atLeast(threshold.minOccupancy())) {
                match = threshold;
            }
        }
        return Optional.ofNullable(match);
    }

    /** The price of one room for one night, in minor units of the base price's currency. */
    public static long nightPrice(long baseMinor, Occupancy occupancy, PricingRules rules) {
        Optional<Threshold> threshold = thresholdFor(rules, occupancy);
        BigDecimal multiplier = threshold.map(Threshold::multiplier).filter(m -> m.signum() != 0)
                .orElse(BigDecimal.ONE);
        long surcharge = threshold.map(Threshold::surchargeMinor).orElse(0L);
        long price = BigDecimal.valueOf(baseMinor).multiply(multiplier).setScale(0, RoundingMode.HALF_UP)
                .longValueExact() + surcharge;
        if (rules.floorMinor() > 0) {
            price = Math.max(price, rules.floorMinor());
        }
        if (rules.ceilingMinor() > 0) {
            price = Math.min(price, rules.ceilingMinor());
        }
        return Math.max(price, MIN_PRICE_MINOR);
    }

    /**
     * Every night of {@code dates} priced: a night missing from {@code baseRates} stays unpriced (not sellable). A
     * night missing from {@code occupancy} counts as full, like a night without rooms.
     */
    public static List<NightRate> nights(List<LocalDate> dates, Map<LocalDate, BaseRate> baseRates,
            Map<LocalDate, Occupancy> occupancy, PricingRules rules) {
        List<NightRate> nights = new ArrayList<>(dates.size());
        for (LocalDate date : dates) {
            Occupancy o = occupancy.getOrDefault(date, Occupancy.NO_ROOMS);
            BaseRate base = baseRates.get(date);
            nights.add(base == null ? new NightRate(date, null, null, null, o.ratio())
                    : new NightRate(date, nightPrice(base.amountMinor(), o, rules), base.amountMinor(),
                            base.currency(), o.ratio()));
        }
        return nights;
    }

    /** The stay: sum of the nights x rooms. Every night must be priced, all in one currency. */
    public static StayPrice stay(List<NightRate> nights, int rooms) {
        if (nights.isEmpty()) {
            throw new IllegalArgumentException("a stay has at least one night");
        }
        String currency = nights.get(0).currency();
        long sum = 0;
        for (NightRate night : nights) {
            if (!night.sellable() || !night.currency().equals(currency)) {
                throw new IllegalArgumentException("night " + night.date() + " is not priced in " + currency);
            }
            sum = Math.addExact(sum, night.priceMinor());
        }
        return new StayPrice(currency, nights, rooms, Math.multiplyExact(sum, rooms));
    }
}
