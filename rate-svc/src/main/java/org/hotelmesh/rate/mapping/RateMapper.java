package org.hotelmesh.rate.mapping;

import static org.hotelmesh.support.grpc.ProtoTypes.endDate;
import static org.hotelmesh.support.grpc.ProtoTypes.money;
import static org.hotelmesh.support.grpc.ProtoTypes.range;
import static org.hotelmesh.support.grpc.ProtoTypes.startDate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.rate.v1.CreateQuoteRequest;
import org.hotelmesh.proto.rate.v1.DayOfWeek;
import org.hotelmesh.proto.rate.v1.NightOccupancy;
import org.hotelmesh.proto.rate.v1.NightlyRate;
import org.hotelmesh.proto.rate.v1.OccupancyThreshold;
import org.hotelmesh.proto.rate.v1.PriceStayRequest;
import org.hotelmesh.proto.rate.v1.SetBaseRatesRequest;
import org.hotelmesh.rate.domain.BaseRate;
import org.hotelmesh.rate.domain.BaseRateChange;
import org.hotelmesh.rate.domain.NightRate;
import org.hotelmesh.rate.domain.Occupancy;
import org.hotelmesh.rate.domain.PricingRules;
import org.hotelmesh.rate.domain.Quote;
import org.hotelmesh.rate.domain.RulesInput;
import org.hotelmesh.rate.domain.StayPrice;
import org.hotelmesh.rate.domain.StayRequest;
import org.hotelmesh.rate.domain.Threshold;
import org.hotelmesh.rate.domain.ThresholdInput;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.grpc.ProtoTypes;

/** Proto <-> domain. An unset or impossible date becomes null, which the validator reports by field name. */
public final class RateMapper {

    private RateMapper() {
    }

    public static Date toProto(LocalDate date) {
        return ProtoTypes.toProto(date);
    }

    public static BaseRateChange toDomain(SetBaseRatesRequest in) {
        List<java.time.DayOfWeek> days = new ArrayList<>(in.getDaysOfWeekCount());
        for (DayOfWeek day : in.getDaysOfWeekList()) {
            days.add(toDomain(day));
        }
        return new BaseRateChange(in.getHotelId(), in.getRoomTypeId(), startDate(in.getDates()),
                endDate(in.getDates()), in.getAmount().getAmountMinor(), in.getAmount().getCurrency(), days);
    }

    /** MONDAY..SUNDAY; null for DAY_OF_WEEK_UNSPECIFIED or a number this service does not know. */
    static java.time.DayOfWeek toDomain(DayOfWeek day) {
        int number = day == DayOfWeek.UNRECOGNIZED ? -1 : day.getNumber();
        return number >= 1 && number <= 7 ? java.time.DayOfWeek.of(number) : null;
    }

    public static StayRequest toDomain(PriceStayRequest in) {
        return new StayRequest(in.getHotelId(), in.getRoomTypeId(), startDate(in.getStay()), endDate(in.getStay()),
                in.getRooms(), null);
    }

    /**
     * The occupancy the caller sent with a price request, night by night (a night of the stay it does not list has no
     * rooms), or empty when it sent none and rate-svc must ask reservation-svc.
     */
    public static Optional<Map<LocalDate, Occupancy>> occupancy(PriceStayRequest in) {
        if (!in.hasOccupancy()) {
            return Optional.empty();
        }
        Map<LocalDate, Occupancy> nights = new HashMap<>();
        for (NightOccupancy night : in.getOccupancy().getNightsList()) {
            LocalDate date = ProtoTypes.toLocalDate(night.getDate());
            if (date == null || night.getReserved() < 0 || night.getTotal() < 0) {
                throw new InvalidInput("occupancy", "each night needs a real date and counts of 0 or more; got "
                        + night.getDate().getYear() + "-" + night.getDate().getMonth() + "-" + night.getDate().getDay()
                        + " with " + night.getReserved() + " of " + night.getTotal());
            }
            nights.put(date, new Occupancy(night.getReserved(), night.getTotal()));
        }
        return Optional.of(nights);
    }

    public static StayRequest toDomain(CreateQuoteRequest in) {
        return new StayRequest(in.getHotelId(), in.getRoomTypeId(), startDate(in.getStay()), endDate(in.getStay()),
                in.getRooms(), in.getGuestId());
    }

    public static RulesInput toDomain(org.hotelmesh.proto.rate.v1.PricingRules in) {
        return new RulesInput(in.getHotelId(), in.getRoomTypeId(), in.getThresholdsList().stream()
                .map(t -> new ThresholdInput(t.getMinOccupancy(), t.getMultiplier(), t.getSurchargeMinor()))
                .toList(), in.getFloorMinor(), in.getCeilingMinor());
    }

    public static org.hotelmesh.proto.rate.v1.PricingRules toProto(PricingRules rules) {
        org.hotelmesh.proto.rate.v1.PricingRules.Builder b = org.hotelmesh.proto.rate.v1.PricingRules.newBuilder()
                .setHotelId(rules.hotelId())
                .setRoomTypeId(rules.roomTypeId())
                .setFloorMinor(rules.floorMinor())
                .setCeilingMinor(rules.ceilingMinor())
                .setSource(rules.source().wireName());
        for (Threshold t : rules.thresholds()) {
            b.addThresholds(OccupancyThreshold.newBuilder().setMinOccupancy(t.minOccupancy().doubleValue())
                    .setMultiplier(t.multiplier().doubleValue()).setSurchargeMinor(t.surchargeMinor()));
        }
        return b.build();
    }

    public static org.hotelmesh.proto.rate.v1.BaseRate toProto(BaseRate rate) {
        return org.hotelmesh.proto.rate.v1.BaseRate.newBuilder().setDate(toProto(rate.date()))
                .setAmount(money(rate.amountMinor(), rate.currency())).build();
    }

    /** A night; price and base price stay unset when the night has no base price (not sellable). */
    public static NightlyRate toProto(NightRate night) {
        NightlyRate.Builder b = NightlyRate.newBuilder().setDate(toProto(night.date()))
                .setOccupancy(night.occupancy());
        if (night.sellable()) {
            b.setPrice(money(night.priceMinor(), night.currency()));
            b.setBasePrice(money(night.basePriceMinor(), night.currency()));
        }
        return b.build();
    }

    public static List<NightlyRate> nights(List<NightRate> nights) {
        return nights.stream().map(RateMapper::toProto).toList();
    }

    public static Money total(StayPrice price) {
        return money(price.totalMinor(), price.currency());
    }

    public static org.hotelmesh.proto.rate.v1.Quote toProto(Quote q) {
        return org.hotelmesh.proto.rate.v1.Quote.newBuilder()
                .setQuoteId(q.quoteId())
                .setReservationId(q.reservationId())
                .setGuestId(q.guestId())
                .setHotelId(q.hotelId())
                .setRoomTypeId(q.roomTypeId())
                .setStay(range(q.startDate(), q.endDate()))
                .setRooms(q.rooms())
                .addAllNights(nights(q.price().nights()))
                .setTotal(total(q.price()))
                .setExpiresAt(q.expiresAt().toString())
                .build();
    }
}
