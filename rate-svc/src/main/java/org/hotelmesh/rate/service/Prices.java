package org.hotelmesh.rate.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.rate.domain.BaseRate;
import org.hotelmesh.rate.domain.NightRate;
import org.hotelmesh.rate.domain.Occupancy;
import org.hotelmesh.rate.domain.StayPrice;
import org.hotelmesh.rate.domain.StayRequest;
import org.hotelmesh.rate.repository.BaseRateRepository;
import org.hotelmesh.support.catalog.CatalogLookup;
import org.hotelmesh.support.error.PreconditionFailed;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The current price of nights and stays: base price, adjusted by the rules in force for the night's occupancy
 * ({@link PriceCalculator}). Occupancy comes from reservation-svc through {@link OccupancyLookup}; without it nothing
 * is priced.
 */
@ApplicationScoped
public class Prices {

    /** How many unpriced nights a refusal names before it just counts the rest. */
    static final int NIGHTS_NAMED = 3;

    private final Pool pool;
    private final BaseRateRepository rates;
    private final PricingRulesService rules;
    private final OccupancyLookup occupancy;
    private final CatalogLookup catalog;
    private final Clock clock;

    public Prices(Pool pool, BaseRateRepository rates, PricingRulesService rules, OccupancyLookup occupancy,
            CatalogLookup catalog, Clock clock) {
        this.pool = pool;
        this.rates = rates;
        this.rules = rules;
        this.occupancy = occupancy;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Every night of [from, to) as priced now; a night without a base price is shown without a price. */
    public Uni<List<NightRate>> nightlyRates(long hotelId, long roomTypeId, LocalDate from, LocalDate to) {
        RateValidator.nights(hotelId, roomTypeId, from, to);
        List<LocalDate> dates = from.datesUntil(to).toList();
        return catalog.roomType(hotelId, roomTypeId)
                .flatMap(hotel -> Uni.combine().all().unis(
                                rates.find(pool, hotelId, roomTypeId, from, to),
                                rules.inForce(pool, hotelId, roomTypeId),
                                occupancy.nights(hotelId, roomTypeId, dates))
                        .with((base, inForce, occupied) -> PriceCalculator.nights(dates, byDate(base), occupied,
                                inForce)));
    }

    /**
     * The price of the stay now. {@code quote}: the request is for a quote, so it needs a guest too. Refused when
     * any night has no base price, naming the nights.
     */
    public Uni<StayPrice> priceStay(StayRequest stay, boolean quote) {
        return priceStay(stay, quote, Optional.empty());
    }

    /**
     * As {@link #priceStay(StayRequest, boolean)}, with the stay's occupancy when the caller read it itself
     * (reservation-svc pricing a booking): then reservation-svc is not asked back; a night it does not list has no
     * rooms.
     */
    public Uni<StayPrice> priceStay(StayRequest stay, boolean quote, Optional<Map<LocalDate, Occupancy>> given) {
        RateValidator.stay(stay, quote);
        List<LocalDate> dates = stay.startDate().datesUntil(stay.endDate()).toList();
        long hotelId = stay.hotelId();
        long roomTypeId = stay.roomTypeId();
        return catalog.roomType(hotelId, roomTypeId)
                .invoke(hotel -> {
                    if (quote && hotel.offSale()) {
                        throw new PreconditionFailed(hotel.offSaleReason());
                    }
                    RateValidator.notInThePast(stay.startDate(), hotel, clock);
                })
                .flatMap(hotel -> Uni.combine().all().unis(
                                rates.find(pool, hotelId, roomTypeId, stay.startDate(), stay.endDate()),
                                rules.inForce(pool, hotelId, roomTypeId))
                        .asTuple())
                .flatMap(found -> {
                    Map<LocalDate, BaseRate> base = byDate(found.getItem1());
                    List<LocalDate> unpriced = dates.stream().filter(date -> !base.containsKey(date)).toList();
                    if (!unpriced.isEmpty()) {
                        return Uni.createFrom().failure(notSellable(hotelId, roomTypeId, unpriced));
                    }
                    // Only a sellable stay is worth asking reservation-svc about.
                    Uni<Map<LocalDate, Occupancy>> occupied = given
                            .map(nights -> Uni.createFrom().item(everyNight(dates, nights)))
                            .orElseGet(() -> occupancy.nights(hotelId, roomTypeId, dates));
                    return occupied.map(nights -> PriceCalculator.stay(
                            PriceCalculator.nights(dates, base, nights, found.getItem2()), stay.rooms()));
                });
    }

    static PreconditionFailed notSellable(long hotelId, long roomTypeId, List<LocalDate> unpriced) {
        String named = unpriced.stream().limit(NIGHTS_NAMED).map(LocalDate::toString)
                .collect(Collectors.joining(", "));
        String more = unpriced.size() > NIGHTS_NAMED ? " and " + (unpriced.size() - NIGHTS_NAMED) + " more" : "";
        return new PreconditionFailed("room type " + roomTypeId + " of hotel " + hotelId + " has no base price on "
                + named + more + "; it cannot be sold on " + (unpriced.size() == 1 ? "that night" : "those nights")
                + " until staff set one");
    }

    private static Map<LocalDate, Occupancy> everyNight(List<LocalDate> dates, Map<LocalDate, Occupancy> given) {
        Map<LocalDate, Occupancy> nights = new HashMap<>();
        dates.forEach(date -> nights.put(date, given.getOrDefault(date, Occupancy.NO_ROOMS)));
        return nights;
    }

    private static Map<LocalDate, BaseRate> byDate(List<BaseRate> rates) {
        Map<LocalDate, BaseRate> byDate = new LinkedHashMap<>();
        rates.forEach(rate -> byDate.put(rate.date(), rate));
        return byDate;
    }
}
