package org.hotelmesh.rate.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.hotelmesh.rate.domain.BaseRateChange;
import org.hotelmesh.rate.domain.PricingRules;
import org.hotelmesh.rate.domain.RuleSource;
import org.hotelmesh.rate.domain.RulesInput;
import org.hotelmesh.rate.domain.StayRequest;
import org.hotelmesh.rate.domain.Threshold;
import org.hotelmesh.rate.domain.ThresholdInput;
import org.hotelmesh.support.catalog.HotelInfo;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.ServiceException.Violation;
import org.hotelmesh.support.validation.StayRules;

/**
 * Validates client-supplied values, collecting every violation so a client can fix them in one round trip. Field
 * names are the REST names (hotelID, roomTypeID, startDate, endDate, rooms, amount, currency, daysOfWeek[0],
 * thresholds[1].multiplier, floor, ceiling, guestID, quoteID). The stay rules are the shared {@link StayRules}, so a
 * stay that can be priced can be booked.
 */
public final class RateValidator {

    /** Longest range of one SetBaseRates, GetBaseRates or GetNightlyRates call (reservation-svc's limit too). */
    public static final int MAX_RANGE_NIGHTS = StayRules.MAX_RANGE_DAYS;
    /** How far ahead base prices can be set: rooms are on sale for the next two years (the inventory horizon). */
    public static final int MAX_DAYS_AHEAD = 730;
    public static final long MAX_AMOUNT_MINOR = 100_000_000;
    public static final int MAX_THRESHOLDS = 10;
    public static final BigDecimal MIN_MULTIPLIER = new BigDecimal("0.1");
    public static final BigDecimal MAX_MULTIPLIER = BigDecimal.TEN;
    private static final int MAX_DECIMALS = 4;

    private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

    private RateValidator() {
    }

    /** PriceStay and CreateQuote, before the catalog is asked; {@code quote}: a guest is required too. */
    public static void stay(StayRequest r, boolean quote) {
        List<Violation> v = new ArrayList<>();
        ids(v, r.hotelId(), r.roomTypeId(), false);
        range(v, r.startDate(), r.endDate(), StayRules.MAX_NIGHTS);
        StayRules.rooms(v, r.rooms());
        if (quote) {
            StayRules.guestId(v, r.guestId());
        }
        throwIfAny(v);
    }

    /** A stay's first night must not be over already in the hotel's own calendar. */
    public static void notInThePast(LocalDate startDate, HotelInfo hotel, Clock clock) {
        LocalDate today = today(hotel, clock);
        if (startDate.isBefore(today)) {
            throw new InvalidInput("startDate", "must not be in the past; today is " + today
                    + " in the hotel's time zone (" + hotel.timeZone() + ")");
        }
    }

    /** GetNightlyRates and GetBaseRates: a range of at most {@value #MAX_RANGE_NIGHTS} nights; past dates are fine. */
    public static void nights(long hotelId, long roomTypeId, LocalDate start, LocalDate end) {
        List<Violation> v = new ArrayList<>();
        ids(v, hotelId, roomTypeId, false);
        range(v, start, end, MAX_RANGE_NIGHTS);
        throwIfAny(v);
    }

    /** SetBaseRates, before the catalog is asked. */
    public static void baseRates(BaseRateChange c) {
        List<Violation> v = new ArrayList<>();
        ids(v, c.hotelId(), c.roomTypeId(), false);
        range(v, c.startDate(), c.endDate(), MAX_RANGE_NIGHTS);
        if (c.amountMinor() < 1 || c.amountMinor() > MAX_AMOUNT_MINOR) {
            v.add(new Violation("amount", "must be between 1 and " + MAX_AMOUNT_MINOR + " minor units"));
        }
        if (!isCurrency(c.currency())) {
            v.add(new Violation("currency", "must be an ISO-4217 currency code in upper case, e.g. EUR"));
        }
        Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
        if (c.daysOfWeek().size() > DayOfWeek.values().length) {
            v.add(new Violation("daysOfWeek", "lists " + c.daysOfWeek().size() + " days; a week has 7"));
        }
        for (int i = 0; i < Math.min(c.daysOfWeek().size(), DayOfWeek.values().length); i++) {
            DayOfWeek day = c.daysOfWeek().get(i);
            if (day == null) {
                v.add(new Violation("daysOfWeek[" + i + "]", "must be one of MONDAY to SUNDAY"));
            } else if (!seen.add(day)) {
                v.add(new Violation("daysOfWeek[" + i + "]", day + " is listed twice"));
            }
        }
        throwIfAny(v);
    }

    /** SetBaseRates against the hotel's calendar: nights further ahead than the sales horizon are not on sale. */
    public static void withinHorizon(LocalDate endDate, HotelInfo hotel, Clock clock) {
        LocalDate today = today(hotel, clock);
        if (endDate.isAfter(today.plusDays(MAX_DAYS_AHEAD + 1L))) {
            throw new InvalidInput("endDate", "the last night must be at most " + MAX_DAYS_AHEAD
                    + " days after today (" + today + " in the hotel's time zone, " + hotel.timeZone()
                    + "); later nights are not on sale yet");
        }
    }

    public static void ids(long hotelId, long roomTypeId, boolean roomTypeOptional) {
        List<Violation> v = new ArrayList<>();
        ids(v, hotelId, roomTypeId, roomTypeOptional);
        throwIfAny(v);
    }

    public static void quoteId(String quoteId) {
        if (quoteId == null || quoteId.isEmpty()) {
            throw new InvalidInput("quoteID", "is required");
        }
        if (quoteId.length() > 128) {
            throw new InvalidInput("quoteID", "must be at most 128 characters");
        }
    }

    /** Checks staff's rules and returns them as stored: thresholds sorted by min occupancy, multiplier 0 as 1. */
    public static PricingRules rules(RulesInput in) {
        List<Violation> v = new ArrayList<>();
        ids(v, in.hotelId(), in.roomTypeId(), true);
        PricingRules rules = content(v, in, RuleSource.fromRoomTypeId(in.roomTypeId()));
        throwIfAny(v);
        return rules;
    }

    /** Checks the configured default rules with the same limits as staff's (they belong to no hotel). */
    public static PricingRules defaults(List<ThresholdInput> thresholds, long floorMinor, long ceilingMinor) {
        List<Violation> v = new ArrayList<>();
        PricingRules rules = content(v, new RulesInput(0, 0, thresholds, floorMinor, ceilingMinor),
                RuleSource.DEFAULT);
        throwIfAny(v);
        return rules;
    }

    private static PricingRules content(List<Violation> v, RulesInput in, RuleSource source) {
        List<Threshold> thresholds = thresholds(v, in.thresholds());
        if (in.floorMinor() < 0 || in.floorMinor() > MAX_AMOUNT_MINOR) {
            v.add(new Violation("floor", "must be between 0 (none) and " + MAX_AMOUNT_MINOR + " minor units"));
        }
        if (in.ceilingMinor() < 0 || in.ceilingMinor() > MAX_AMOUNT_MINOR) {
            v.add(new Violation("ceiling", "must be between 0 (none) and " + MAX_AMOUNT_MINOR + " minor units"));
        } else if (in.floorMinor() > 0 && in.ceilingMinor() > 0 && in.floorMinor() > in.ceilingMinor()) {
            v.add(new Violation("ceiling", "must not be below the floor (" + in.floorMinor() + ")"));
        }
        return new PricingRules(in.hotelId(), in.roomTypeId(), thresholds, in.floorMinor(), in.ceilingMinor(),
                source);
    }

    private static List<Threshold> thresholds(List<Violation> v, List<ThresholdInput> in) {
        if (in.size() > MAX_THRESHOLDS) {
            v.add(new Violation("thresholds", "must have at most " + MAX_THRESHOLDS + " entries"));
            return List.of();
        }
        List<Threshold> thresholds = new ArrayList<>(in.size());
        Map<BigDecimal, Integer> seen = new HashMap<>();
        for (int i = 0; i < in.size(); i++) {
            ThresholdInput t = in.get(i);
            String field = "thresholds[" + i + "].";
            BigDecimal min = decimal(t.minOccupancy());
            BigDecimal multiplier = decimal(t.multiplier());
            boolean ok = true;
            if (min == null || min.signum() < 0 || min.compareTo(BigDecimal.ONE) > 0 || decimals(min) > MAX_DECIMALS) {
                v.add(new Violation(field + "minOccupancy", "must be between 0 and 1 with at most " + MAX_DECIMALS
                        + " decimals (0.7 = 70% of the rooms reserved)"));
                ok = false;
            } else {
                Integer first = seen.putIfAbsent(min.stripTrailingZeros(), i);
                if (first != null) {
                    v.add(new Violation(field + "minOccupancy", "repeats thresholds[" + first + "].minOccupancy"));
                    ok = false;
                }
            }
            if (multiplier == null || (multiplier.signum() != 0 && (multiplier.compareTo(MIN_MULTIPLIER) < 0
                    || multiplier.compareTo(MAX_MULTIPLIER) > 0)) || decimals(multiplier) > MAX_DECIMALS) {
                v.add(new Violation(field + "multiplier", "must be 0 (no change) or between 0.1 and 10 with at most "
                        + MAX_DECIMALS + " decimals"));
                ok = false;
            }
            if (t.surchargeMinor() < -MAX_AMOUNT_MINOR || t.surchargeMinor() > MAX_AMOUNT_MINOR) {
                v.add(new Violation(field + "surcharge", "must be between -" + MAX_AMOUNT_MINOR + " and "
                        + MAX_AMOUNT_MINOR + " minor units"));
                ok = false;
            }
            if (ok) {
                thresholds.add(new Threshold(min, multiplier.signum() == 0 ? BigDecimal.ONE : multiplier,
                        t.surchargeMinor()));
            }
        }
        return thresholds;
    }

    /** The exact decimal a client meant by a double (0.7, not 0.6999999999999999555910790149937), null for NaN/inf. */
    private static BigDecimal decimal(double value) {
        return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
    }

    private static int decimals(BigDecimal value) {
        return Math.max(value.stripTrailingZeros().scale(), 0);
    }

    private static boolean isCurrency(String code) {
        if (code == null || !CURRENCY.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static LocalDate today(HotelInfo hotel, Clock clock) {
        return LocalDate.now(clock.withZone(hotel.timeZone()));
    }

    private static void ids(List<Violation> v, long hotelId, long roomTypeId, boolean roomTypeOptional) {
        StayRules.positiveId(v, "hotelID", hotelId);
        if (roomTypeOptional ? roomTypeId < 0 : roomTypeId <= 0) {
            v.add(new Violation("roomTypeID", roomTypeOptional ? "must be a positive id, or 0 for the hotel's rules"
                    : "must be a positive id"));
        }
    }

    private static void range(List<Violation> v, LocalDate start, LocalDate end, int maxNights) {
        StayRules.dates(v, start, end, maxNights, "nights",
                "must be after startDate (it is the check-out day, not a night)");
    }

    private static void throwIfAny(List<Violation> v) {
        StayRules.throwIfAny(v);
    }
}
