package org.hotelmesh.rate.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import org.hotelmesh.rate.config.RatesConfig;
import org.hotelmesh.rate.domain.PricingRules;
import org.hotelmesh.rate.domain.RuleSource;
import org.hotelmesh.rate.domain.Threshold;
import org.junit.jupiter.api.Test;

/** hotelmesh.rates.default-*: parsed and checked at start-up like staff's rules. */
class PricingRulesDefaultsTest {

    private static RatesConfig config(List<String> thresholds, long floor, long ceiling) {
        return new RatesConfig() {
            @Override
            public Duration occupancyCacheTtl() {
                return Duration.ofSeconds(5);
            }

            @Override
            public long occupancyCacheSize() {
                return 100;
            }

            @Override
            public List<String> defaultThresholds() {
                return thresholds;
            }

            @Override
            public long defaultFloor() {
                return floor;
            }

            @Override
            public long defaultCeiling() {
                return ceiling;
            }
        };
    }

    @Test
    void theShippedDefaultsAreTenPercentFromSeventyAndTwentyFiveFromNinety() {
        PricingRules rules = PricingRulesService.defaults(config(List.of("0.70:1.10", "0.90:1.25"), 0, 0));

        assertEquals(new PricingRules(0, 0, List.of(new Threshold(new BigDecimal("0.7"), new BigDecimal("1.1"), 0),
                new Threshold(new BigDecimal("0.9"), new BigDecimal("1.25"), 0)), 0, 0, RuleSource.DEFAULT), rules);
    }

    @Test
    void surchargesFloorAndCeilingCanBeConfiguredAndNoneMeansNoThresholds() {
        PricingRules rules = PricingRulesService.defaults(config(List.of(" 0.5:0:700 "), 5_000, 90_000));
        assertEquals(List.of(new Threshold(new BigDecimal("0.5"), BigDecimal.ONE, 700)), rules.thresholds());
        assertEquals(5_000, rules.floorMinor());
        assertEquals(90_000, rules.ceilingMinor());

        assertEquals(List.of(), PricingRulesService.defaults(config(List.of("none"), 0, 0)).thresholds());
    }

    @Test
    void aBadDefaultStopsTheServiceNamingTheSetting() {
        IllegalStateException garbled = assertThrows(IllegalStateException.class,
                () -> PricingRulesService.defaults(config(List.of("0.7x1.1"), 0, 0)));
        assertTrue(garbled.getMessage().startsWith("hotelmesh.rates.default-thresholds: '0.7x1.1'"),
                garbled.getMessage());

        IllegalStateException outOfRange = assertThrows(IllegalStateException.class,
                () -> PricingRulesService.defaults(config(List.of("0.7:1.1", "1.5:20"), 0, 0)));
        assertTrue(outOfRange.getMessage().startsWith("hotelmesh.rates.default-*: thresholds[1].minOccupancy:"),
                outOfRange.getMessage());
    }
}
