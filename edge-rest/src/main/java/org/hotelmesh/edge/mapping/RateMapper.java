package org.hotelmesh.edge.mapping;

import org.hotelmesh.edge.api.BaseRateDto;
import org.hotelmesh.edge.api.NightPriceDto;
import org.hotelmesh.edge.api.NightRateDto;
import org.hotelmesh.edge.api.PricingRulesDto;
import org.hotelmesh.edge.api.QuoteDto;
import org.hotelmesh.proto.rate.v1.BaseRate;
import org.hotelmesh.proto.rate.v1.NightlyRate;
import org.hotelmesh.proto.rate.v1.OccupancyThreshold;
import org.hotelmesh.proto.rate.v1.PricingRules;
import org.hotelmesh.proto.rate.v1.Quote;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Rate proto messages <-> API records. */
public final class RateMapper {

    private RateMapper() {
    }

    public static NightRateDto toDto(NightlyRate night) {
        boolean priced = night.hasPrice();
        return new NightRateDto(ReservationMapper.date(night.getDate()),
                priced ? night.getPrice().getAmountMinor() : null,
                priced ? night.getPrice().getCurrency() : null,
                // Four decimals say all there is (1 room in 10,000); a double's noise must not reach the client.
                BigDecimal.valueOf(night.getOccupancy()).setScale(4, RoundingMode.HALF_UP).doubleValue());
    }

    public static BaseRateDto toDto(BaseRate rate) {
        return new BaseRateDto(ReservationMapper.date(rate.getDate()), rate.getAmount().getAmountMinor(),
                rate.getAmount().getCurrency());
    }

    public static PricingRulesDto toDto(PricingRules rules) {
        return new PricingRulesDto(String.valueOf(rules.getHotelId()),
                rules.getRoomTypeId() == 0 ? null : String.valueOf(rules.getRoomTypeId()),
                rules.getThresholdsList().stream().map(t -> new PricingRulesDto.Threshold(
                        BigDecimal.valueOf(t.getMinOccupancy()),
                        BigDecimal.valueOf(t.getMultiplier() == 0 ? 1.0 : t.getMultiplier()),
                        t.getSurchargeMinor())).toList(),
                rules.getFloorMinor() == 0 ? null : rules.getFloorMinor(),
                rules.getCeilingMinor() == 0 ? null : rules.getCeilingMinor(),
                rules.getSource().isEmpty() ? null : rules.getSource());
    }

    /** Validated by rate-svc, which names the fields as the API does ("thresholds[1].multiplier"). */
    public static PricingRules toProto(long hotelId, long roomTypeId, PricingRulesDto in) {
        PricingRules.Builder rules = PricingRules.newBuilder().setHotelId(hotelId).setRoomTypeId(roomTypeId)
                .setFloorMinor(in.floor() == null ? 0 : in.floor())
                .setCeilingMinor(in.ceiling() == null ? 0 : in.ceiling());
        if (in.thresholds() != null) {
            in.thresholds().forEach(t -> rules.addThresholds(OccupancyThreshold.newBuilder()
                    .setMinOccupancy(t.minOccupancy() == null ? -1 : t.minOccupancy().doubleValue())
                    .setMultiplier(t.multiplier() == null ? 1.0 : t.multiplier().doubleValue())
                    .setSurchargeMinor(t.surcharge() == null ? 0 : t.surcharge())));
        }
        return rules.build();
    }

    public static QuoteDto toDto(Quote q) {
        return new QuoteDto(q.getQuoteId(), q.getReservationId(), String.valueOf(q.getHotelId()),
                String.valueOf(q.getRoomTypeId()), ReservationMapper.date(q.getStay().getStartDate()),
                ReservationMapper.date(q.getStay().getEndDate()), q.getRooms(),
                q.getNightsList().stream().map(n -> new NightPriceDto(ReservationMapper.date(n.getDate()),
                        n.getPrice().getAmountMinor(), n.getPrice().getCurrency())).toList(),
                q.getTotal().getAmountMinor(), q.getTotal().getCurrency(), q.getExpiresAt());
    }
}
