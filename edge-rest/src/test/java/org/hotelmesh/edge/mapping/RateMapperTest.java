package org.hotelmesh.edge.mapping;

import org.hotelmesh.edge.api.NightRateDto;
import org.hotelmesh.edge.api.PricingRulesDto;
import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.rate.v1.NightlyRate;
import org.hotelmesh.proto.rate.v1.OccupancyThreshold;
import org.hotelmesh.proto.rate.v1.PricingRules;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RateMapperTest {

    private static final Date NIGHT = Date.newBuilder().setYear(2027).setMonth(4).setDay(28).build();

    @Test
    void aPricedNightShowsItsPriceAndOccupancyWithoutFloatingPointNoise() {
        NightlyRate rate = NightlyRate.newBuilder().setDate(NIGHT).setOccupancy(2.0 / 3)
                .setPrice(Money.newBuilder().setAmountMinor(13200).setCurrency("EUR")).build();

        assertEquals(new NightRateDto("2027-04-28", 13200L, "EUR", 0.6667), RateMapper.toDto(rate));
    }

    @Test
    void aNightWithoutPriceHasNoAmountNorCurrencyNeverZero() {
        assertEquals(new NightRateDto("2027-04-28", null, null, 0.1),
                RateMapper.toDto(NightlyRate.newBuilder().setDate(NIGHT).setOccupancy(0.1).build()));
    }

    @Test
    void rulesLeaveOutWhatIsNotSetAndAThresholdDefaultsToNoChange() {
        PricingRules proto = RateMapper.toProto(245, 12, new PricingRulesDto(null, null, List.of(
                new PricingRulesDto.Threshold(new BigDecimal("0.9"), null, null)), null, 40000L, "ignored"));

        assertEquals(PricingRules.newBuilder().setHotelId(245).setRoomTypeId(12).setCeilingMinor(40000)
                .addThresholds(OccupancyThreshold.newBuilder().setMinOccupancy(0.9).setMultiplier(1.0)).build(), proto);
        assertEquals(new PricingRulesDto("245", "12", List.of(new PricingRulesDto.Threshold(new BigDecimal("0.9"),
                new BigDecimal("1.0"), 0L)), null, 40000L, null), RateMapper.toDto(proto));
    }
}
