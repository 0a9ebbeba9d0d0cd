package org.hotelmesh.rate.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hotelmesh.rate.domain.BaseRate;
import org.hotelmesh.rate.domain.NightRate;
import org.hotelmesh.rate.domain.Occupancy;
import org.hotelmesh.rate.domain.PricingRules;
import org.hotelmesh.rate.domain.RuleSource;
import org.hotelmesh.rate.domain.StayPrice;
import org.hotelmesh.rate.domain.Threshold;
import org.junit.jupiter.api.Test;

/** The pricing function, without a service around it. */
class PriceCalculatorTest {

    private static final LocalDate NIGHT = LocalDate.of(2030, 3, 1);

    /** The shipped defaults: +10% from 70% full, +25% from 90% full. */
    private static final PricingRules DEFAULTS = rules(0, 0, threshold("0.70", "1.10", 0), threshold("0.90", "1.25", 0));

    private static Threshold threshold(String min, String multiplier, long surcharge) {
        return new Threshold(new BigDecimal(min), new BigDecimal(multiplier), surcharge);
    }

    private static PricingRules rules(long floor, long ceiling, Threshold... thresholds) {
        return new PricingRules(1, 2, List.of(thresholds), floor, ceiling, RuleSource.HOTEL);
    }

    @Test
    void belowEveryThresholdTheBasePriceIsCharged() {
        assertEquals(10_000, PriceCalculator.nightPrice(10_000, new Occupancy(69, 100), DEFAULTS));
        assertEquals(10_000, PriceCalculator.nightPrice(10_000, new Occupancy(0, 100), DEFAULTS));
    }

    @Test
    void aThresholdAppliesFromExactlyItsMinimumOccupancy() {
        assertEquals(11_000, PriceCalculator.nightPrice(10_000, new Occupancy(7, 10), DEFAULTS));
        assertEquals(11_000, PriceCalculator.nightPrice(10_000, new Occupancy(70, 100), DEFAULTS));
        assertEquals(10_000, PriceCalculator.nightPrice(10_000, new Occupancy(699, 1000), DEFAULTS));
        // 1/3 is below 0.3334 but 0.3333 is below 1/3: no floating-point doubt at the boundary.
        PricingRules third = rules(0, 0, threshold("0.3334", "2", 0));
        assertEquals(10_000, PriceCalculator.nightPrice(10_000, new Occupancy(1, 3), third));
        PricingRules justUnderAThird = rules(0, 0, threshold("0.3333", "2", 0));
        assertEquals(20_000, PriceCalculator.nightPrice(10_000, new Occupancy(1, 3), justUnderAThird));
    }

    @Test
    void theHighestMatchingThresholdWins() {
        assertEquals(11_000, PriceCalculator.nightPrice(10_000, new Occupancy(89, 100), DEFAULTS));
        assertEquals(12_500, PriceCalculator.nightPrice(10_000, new Occupancy(90, 100), DEFAULTS));
        assertEquals(12_500, PriceCalculator.nightPrice(10_000, new Occupancy(110, 100), DEFAULTS));
    }

    @Test
    void aNightWithoutRoomsPricesAsFull() {
        assertEquals(12_500, PriceCalculator.nightPrice(10_000, Occupancy.NO_ROOMS, DEFAULTS));
        assertEquals(12_500, PriceCalculator.nightPrice(10_000, new Occupancy(3, 0), DEFAULTS));
        assertEquals(1.0, Occupancy.NO_ROOMS.ratio());
    }

    @Test
    void halfAMinorUnitRoundsUpAndLessRoundsDown() {
        PricingRules plusTenPercent = rules(0, 0, threshold("0", "1.1", 0));
        assertEquals(1_117, PriceCalculator.nightPrice(1_015, Occupancy.NO_ROOMS, plusTenPercent)); // 1116.5
        assertEquals(1_114, PriceCalculator.nightPrice(1_013, Occupancy.NO_ROOMS, plusTenPercent)); // 1114.3
        assertEquals(1_119, PriceCalculator.nightPrice(1_017, Occupancy.NO_ROOMS, plusTenPercent)); // 1118.7
        PricingRules timesOneAndAQuarter = rules(0, 0, threshold("0", "1.25", 0));
        assertEquals(3, PriceCalculator.nightPrice(2, Occupancy.NO_ROOMS, timesOneAndAQuarter)); // 2.5
        // 1.1 as a double is 1.100000000000000088...; the decimal 1.1 is what a client meant and what is used.
        assertEquals(new BigDecimal("1.1"), BigDecimal.valueOf(1.1));
    }

    @Test
    void theSurchargeIsAddedAfterTheMultiplierAndMayBeNegative() {
        PricingRules surcharged = rules(0, 0, threshold("0.5", "1.1", 500), threshold("0.8", "0", -2_000));
        assertEquals(11_500, PriceCalculator.nightPrice(10_000, new Occupancy(5, 10), surcharged));
        // multiplier 0 means 1.0: 10,000 - 2,000
        assertEquals(8_000, PriceCalculator.nightPrice(10_000, new Occupancy(8, 10), surcharged));
    }

    @Test
    void theFloorRaisesAndTheCeilingLowersThePrice() {
        PricingRules bounded = rules(9_000, 12_000, threshold("0", "0.5", 0), threshold("0.9", "2", 0));
        assertEquals(9_000, PriceCalculator.nightPrice(10_000, new Occupancy(0, 10), bounded));
        assertEquals(12_000, PriceCalculator.nightPrice(10_000, new Occupancy(9, 10), bounded));
        PricingRules floorOnly = rules(9_000, 0, threshold("0.9", "2", 0));
        assertEquals(20_000, PriceCalculator.nightPrice(10_000, new Occupancy(9, 10), floorOnly));
        assertEquals(9_000, PriceCalculator.nightPrice(5_000, new Occupancy(0, 10), floorOnly));
        PricingRules ceilingOnly = rules(0, 12_000);
        assertEquals(5_000, PriceCalculator.nightPrice(5_000, new Occupancy(0, 10), ceilingOnly));
        assertEquals(12_000, PriceCalculator.nightPrice(50_000, new Occupancy(0, 10), ceilingOnly));
    }

    @Test
    void aNightNeverCostsLessThanOneMinorUnit() {
        PricingRules giveaway = rules(0, 0, threshold("0", "0.1", -100_000));
        assertEquals(1, PriceCalculator.nightPrice(10_000, new Occupancy(0, 10), giveaway));
        assertEquals(1, PriceCalculator.nightPrice(4, new Occupancy(0, 10), rules(0, 0, threshold("0", "0.1", 0))));
    }

    @Test
    void withoutThresholdsTheBasePriceIsCharged() {
        assertEquals(10_000, PriceCalculator.nightPrice(10_000, new Occupancy(10, 10), rules(0, 0)));
    }

    @Test
    void aStayIsTheSumOfItsNightsTimesRoomsInTheRatesCurrency() {
        LocalDate second = NIGHT.plusDays(1);
        Map<LocalDate, BaseRate> base = Map.of(NIGHT, new BaseRate(NIGHT, 10_000, "JPY"),
                second, new BaseRate(second, 20_000, "JPY"));
        Map<LocalDate, Occupancy> occupancy = Map.of(NIGHT, new Occupancy(1, 10), second, new Occupancy(7, 10));
        List<NightRate> nights = PriceCalculator.nights(List.of(NIGHT, second), base, occupancy, DEFAULTS);

        StayPrice stay = PriceCalculator.stay(nights, 3);

        assertEquals("JPY", stay.currency());
        assertEquals(List.of(new NightRate(NIGHT, 10_000L, 10_000L, "JPY", 0.1),
                new NightRate(second, 22_000L, 20_000L, "JPY", 0.7)), stay.nights());
        assertEquals((10_000 + 22_000) * 3, stay.totalMinor());
        assertEquals(3, stay.rooms());
    }

    @Test
    void aNightWithoutBasePriceIsShownUnpricedAndCannotBePartOfAStay() {
        List<NightRate> nights = PriceCalculator.nights(List.of(NIGHT), Map.of(), Map.of(NIGHT, new Occupancy(2, 4)),
                DEFAULTS);

        assertFalse(nights.get(0).sellable());
        assertNull(nights.get(0).priceMinor());
        assertNull(nights.get(0).basePriceMinor());
        assertEquals(0.5, nights.get(0).occupancy());
        assertThrows(IllegalArgumentException.class, () -> PriceCalculator.stay(nights, 1));
    }

    @Test
    void thresholdForNamesTheRuleThatApplies() {
        assertTrue(PriceCalculator.thresholdFor(DEFAULTS, new Occupancy(1, 2)).isEmpty());
        assertEquals(new BigDecimal("0.90"), PriceCalculator.thresholdFor(DEFAULTS, new Occupancy(19, 20)).get()
                .minOccupancy());
    }
}
