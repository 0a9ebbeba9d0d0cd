package org.hotelmesh.rate.search;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.proto.hotel.v1.FindHotelsResponse;
import org.hotelmesh.proto.hotel.v1.HotelWithRoomTypes;
import org.hotelmesh.proto.hotel.v1.RoomType;
import org.hotelmesh.rate.client.CatalogClient;
import org.hotelmesh.rate.client.InventoryClient;
import org.hotelmesh.rate.config.SearchConfig;
import org.hotelmesh.rate.domain.BaseRate;
import org.hotelmesh.rate.domain.NightRate;
import org.hotelmesh.rate.domain.Occupancy;
import org.hotelmesh.rate.domain.PricingRules;
import org.hotelmesh.rate.domain.StockNight;
import org.hotelmesh.rate.repository.BaseRateRepository;
import org.hotelmesh.rate.repository.RulesRepository;
import org.hotelmesh.rate.search.HotelNights.Entry;
import org.hotelmesh.rate.search.HotelNights.Key;
import org.hotelmesh.rate.service.PriceCalculator;
import org.hotelmesh.rate.service.PricingRulesService;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.paging.PageToken;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * The stay search: the hotels of a place (hotel-svc) that have a room type fitting the guests with rooms left on
 * every night (reservation-svc) and a price for every night (base prices and rules here), each night priced as
 * PriceStay prices it ({@link PriceCalculator}, from the night's occupancy). Every input is a short-lived copy
 * ({@link SearchConfig}) filled by reads that cover many hotels at once, so a search costs at most a handful of reads
 * whatever the number of hotels and nights, and none when the copies are fresh. What it shows is advisory: a booking
 * or a quote decides and prices afresh.
 */
// Created at start, so its caches' metrics are there before the first request, not after it.
@Startup
@ApplicationScoped
public class StaySearch {

    private record Place(String city, String country) {
    }

    private static final Comparator<Hit.SortKey> BY_PRICE = Comparator.comparing(Hit.SortKey::currency)
            .thenComparingLong(Hit.SortKey::totalMinor).thenComparingLong(Hit.SortKey::hotelId);
    private static final Comparator<Hit.SortKey> BY_RATING = Comparator
            .comparingInt((Hit.SortKey key) -> -key.stars()).thenComparing(BY_PRICE);

    private final CatalogClient catalog;
    private final InventoryClient inventory;
    private final BaseRateRepository baseRates;
    private final RulesRepository rulesRepository;
    private final PricingRulesService rules;
    private final Pool pool;
    private final Clock clock;
    private final SearchConfig config;
    private final AsyncCache<Place, FindHotelsResponse> places;
    private final AsyncCache<Long, HotelWithRoomTypes> hotels;
    private final Cache<Long, Map<Long, PricingRules>> storedRules;
    private final HotelNights<StockNight> stock;
    private final HotelNights<BaseRate> prices;

    public StaySearch(CatalogClient catalog, InventoryClient inventory, BaseRateRepository baseRates,
            RulesRepository rulesRepository, PricingRulesService rules, Pool pool, Clock clock, SearchConfig config,
            MeterRegistry registry) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.baseRates = baseRates;
        this.rulesRepository = rulesRepository;
        this.rules = rules;
        this.pool = pool;
        this.clock = clock;
        this.config = config;
        // Asynchronous, so that the searches that miss a place at once wait for one read of it, not one each: a crowd
        // on a cold copy would otherwise send hotel-svc a crowd of the same FindHotels.
        this.places = Caffeine.newBuilder().expireAfterWrite(config.catalogTtl()).maximumSize(10_000).recordStats()
                .buildAsync();
        this.hotels = Caffeine.newBuilder().expireAfterWrite(config.catalogTtl()).maximumSize(10_000).recordStats()
                .buildAsync();
        this.storedRules = Caffeine.newBuilder().expireAfterWrite(config.priceTtl()).maximumSize(config.cacheSize())
                .recordStats().build();
        this.stock = new HotelNights<>("search-stock", config.stockTtl(), config.cacheSize(), config.hotelsPerRead(),
                registry);
        this.prices = new HotelNights<>("search-prices", config.priceTtl(), config.cacheSize(),
                config.hotelsPerRead(), registry);
        CaffeineCacheMetrics.monitor(registry, places.synchronous(), "search-places");
        CaffeineCacheMetrics.monitor(registry, hotels.synchronous(), "search-hotels");
        CaffeineCacheMetrics.monitor(registry, storedRules, "search-rules");
    }

    /** One page of the hotels with an available offer, sorted as asked. */
    public Uni<SearchPage> search(SearchAsk ask) {
        SearchRules.check(ask, clock);
        int pageSize = ask.pageSize() == 0 ? SearchRules.DEFAULT_PAGE_SIZE : ask.pageSize();
        Comparator<Hit.SortKey> order = ask.order() == SearchAsk.Order.RATING ? BY_RATING : BY_PRICE;
        Hit.SortKey after = ask.pageToken() == null ? null : decode(ask.pageToken(), ask.order());
        List<LocalDate> nights = ask.nights();
        return hotelsOf(ask.city(), ask.country()).flatMap(found -> {
            List<HotelWithRoomTypes> candidates = found.stream()
                    .filter(hotel -> !hotel.getHotel().getOffSale() && !startsBeforeToday(hotel, ask.startDate())
                            && hotel.getRoomTypesList().stream()
                                    .anyMatch(type -> fits(type, ask.rooms(), ask.guests())))
                    .toList();
            return offers(candidates, nights, ask.rooms(), ask.guests());
        }).map(offers -> {
            List<Hit> hits = new ArrayList<>();
            offers.forEach(found -> {
                List<Offer> available = found.offers().stream().filter(Offer::available)
                        .sorted(Comparator.comparingLong(Offer::totalMinor)
                                .thenComparingLong(offer -> offer.roomType().getId()))
                        .toList();
                if (!available.isEmpty()) {
                    hits.add(new Hit(found.hotel().getHotel(), available));
                }
            });
            hits.sort(Comparator.comparing(Hit::key, order));
            List<Hit> rest = after == null ? hits
                    : hits.stream().filter(hit -> order.compare(hit.key(), after) > 0).toList();
            List<Hit> page = rest.subList(0, Math.min(pageSize, rest.size()));
            String next = rest.size() > pageSize ? encode(page.get(page.size() - 1).key(), ask.order()) : null;
            return new SearchPage(page, next, hits.size());
        });
    }

    /** Every room type of one hotel for the stay, ordered by id, with the hotel. */
    public Uni<HotelOffers> hotelOffers(long hotelId, LocalDate start, LocalDate end, int rooms, int guests) {
        SearchRules.checkHotel(hotelId, start, end, rooms, guests, clock);
        List<LocalDate> nights = start.datesUntil(end).toList();
        return hotel(hotelId).flatMap(hotel -> {
            if (startsBeforeToday(hotel, start)) {
                throw SearchRules.pastThere(today(hotel), hotel.getHotel().getDetails().getTimeZone());
            }
            return offers(List.of(hotel), nights, rooms, guests).map(offers -> offers.get(0));
        });
    }

    /** A page of hits; {@code nextPageToken} null on the last page. */
    public record SearchPage(List<Hit> hits, String nextPageToken, int totalSize) {
    }

    /** One hotel and an offer per room type, ordered by id (none is available while the hotel is off sale). */
    public record HotelOffers(HotelWithRoomTypes hotel, List<Offer> offers) {
    }

    private Uni<List<HotelOffers>> offers(List<HotelWithRoomTypes> candidates, List<LocalDate> nights, int rooms,
            int guests) {
        if (candidates.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Long> ids = candidates.stream().map(hotel -> hotel.getHotel().getId()).toList();
        return Uni.combine().all().unis(
                        stock.get(ids, nights, (hotelIds, from, to) -> inventory.stock(hotelIds, from, to)
                                .map(rows -> rows.stream().map(row -> new Entry<>(row.hotelId(), row.roomTypeId(),
                                        row.date(), row)).toList())),
                        prices.get(ids, nights, (hotelIds, from, to) -> baseRates
                                .findForHotels(pool, hotelIds.toArray(Long[]::new), from, to)
                                .map(rows -> rows.stream().map(row -> new Entry<>(row.hotelId(), row.roomTypeId(),
                                        row.rate().date(), row.rate())).toList())),
                        rulesOf(ids))
                .with((stockNights, baseNights, stored) -> {
                    List<HotelOffers> offers = new ArrayList<>(candidates.size());
                    for (HotelWithRoomTypes hotel : candidates) {
                        long hotelId = hotel.getHotel().getId();
                        Map<Long, PricingRules> hotelRules = stored.getOrDefault(hotelId, Map.of());
                        offers.add(new HotelOffers(hotel, hotel.getRoomTypesList().stream()
                                .map(type -> offer(hotel, type, nights, rooms, guests, stockNights, baseNights,
                                        rules.resolve(hotelRules, hotelId, type.getId())))
                                .toList()));
                    }
                    return offers;
                });
    }

    /** One room type for the stay, each night priced as PriceStay would price it now. */
    static Offer offer(HotelWithRoomTypes hotel, RoomType type, List<LocalDate> nights, int rooms, int guests,
            Map<Key, Map<Long, StockNight>> stockNights, Map<Key, Map<Long, BaseRate>> baseNights,
            PricingRules inForce) {
        long hotelId = hotel.getHotel().getId();
        Map<LocalDate, BaseRate> base = new HashMap<>();
        Map<LocalDate, Occupancy> occupancy = new HashMap<>();
        int roomsLeft = Integer.MAX_VALUE;
        for (LocalDate date : nights) {
            Key key = new Key(hotelId, date);
            StockNight night = stockNights.getOrDefault(key, Map.of()).get(type.getId());
            roomsLeft = Math.min(roomsLeft, night == null ? 0 : night.remaining());
            if (night != null) {
                occupancy.put(date, night.occupancy());
            }
            BaseRate rate = baseNights.getOrDefault(key, Map.of()).get(type.getId());
            if (rate != null) {
                base.put(date, rate);
            }
        }
        List<NightRate> priced = PriceCalculator.nights(nights, base, occupancy, inForce);
        boolean everyNight = priced.stream().allMatch(NightRate::sellable);
        Long total = everyNight ? PriceCalculator.stay(priced, rooms).totalMinor() : null;
        String currency = everyNight ? priced.get(0).currency() : null;
        return new Offer(type, !hotel.getHotel().getOffSale(), fits(type, rooms, guests), roomsLeft, priced, total,
                currency, rooms);
    }

    static boolean fits(RoomType type, int rooms, int guests) {
        return (long) type.getDetails().getMaxOccupancy() * rooms >= guests;
    }

    private Uni<List<HotelWithRoomTypes>> hotelsOf(String city, String country) {
        Place place = new Place(city == null ? "" : city.toLowerCase(Locale.ROOT), country == null ? "" : country);
        return once(places, place, () -> catalog.find(place.city(), place.country(), config.maxHotels(),
                config.catalogDeadline()))
                .map(answer -> {
                    if (answer.getMore()) {
                        throw new InvalidInput(city == null ? "country" : "city", "has more than "
                                + config.maxHotels() + " hotels; name a city"
                                + (city == null ? "" : " in a smaller place"));
                    }
                    return answer.getHotelsList();
                });
    }

    private Uni<HotelWithRoomTypes> hotel(long hotelId) {
        return once(hotels, hotelId, () -> catalog.hotel(hotelId));
    }

    /**
     * The kept value, or the one read for it: every caller that misses the key while a read is under way waits for
     * that read. A failed read is not kept, so the next caller reads again.
     */
    private static <K, V> Uni<V> once(AsyncCache<K, V> cache, K key, Supplier<Uni<V>> read) {
        return Uni.createFrom().completionStage(() -> cache.get(key,
                (ignored, executor) -> read.get().subscribeAsCompletionStage()));
    }

    /** The rules stored for each hotel (empty: the defaults apply), read together for the hotels not kept. */
    private Uni<Map<Long, Map<Long, PricingRules>>> rulesOf(List<Long> hotelIds) {
        Map<Long, Map<Long, PricingRules>> known = new HashMap<>();
        List<Long> missing = new ArrayList<>();
        for (long hotelId : hotelIds) {
            Map<Long, PricingRules> kept = storedRules.getIfPresent(hotelId);
            if (kept == null) {
                missing.add(hotelId);
            } else {
                known.put(hotelId, kept);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(known);
        }
        return rulesRepository.findForHotels(pool, missing.toArray(Long[]::new)).map(read -> {
            for (long hotelId : missing) {
                Map<Long, PricingRules> hotelRules = Map.copyOf(read.getOrDefault(hotelId, Map.of()));
                storedRules.put(hotelId, hotelRules);
                known.put(hotelId, hotelRules);
            }
            return known;
        });
    }

    private boolean startsBeforeToday(HotelWithRoomTypes hotel, LocalDate start) {
        return start.isBefore(today(hotel));
    }

    private LocalDate today(HotelWithRoomTypes hotel) {
        return LocalDate.now(clock.withZone(ZoneId.of(hotel.getHotel().getDetails().getTimeZone())));
    }

    private static String encode(Hit.SortKey key, SearchAsk.Order order) {
        return PageToken.encode(order.name(), String.valueOf(key.stars()), key.currency(),
                String.valueOf(key.totalMinor()), String.valueOf(key.hotelId()));
    }

    private static Hit.SortKey decode(String token, SearchAsk.Order order) {
        List<String> parts = PageToken.decode(token, 5);
        try {
            if (!parts.get(0).equals(order.name())) {
                throw PageToken.invalid();
            }
            return new Hit.SortKey(Integer.parseInt(parts.get(1)), parts.get(2), Long.parseLong(parts.get(3)),
                    Long.parseLong(parts.get(4)));
        } catch (NumberFormatException e) {
            throw PageToken.invalid();
        }
    }
}
