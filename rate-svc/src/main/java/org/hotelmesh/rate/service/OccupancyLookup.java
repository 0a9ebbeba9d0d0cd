package org.hotelmesh.rate.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.rate.client.InventoryClient;
import org.hotelmesh.rate.config.RatesConfig;
import org.hotelmesh.rate.domain.Occupancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;

/**
 * The occupancy of nights, from reservation-svc, kept in memory per (hotel, room type, night) for a short TTL
 * (hotelmesh.rates.occupancy-cache-ttl) and a bounded number of entries: a price follows bookings within the TTL,
 * and a busy room type costs reservation-svc one GetInventory per TTL, not one per price. A request's missing nights
 * are read in one call. When reservation-svc cannot answer, nothing is guessed: the request fails as
 * {@link org.hotelmesh.support.client.DownstreamUnavailable}.
 */
// Created at start, so its caches' metrics are there before the first request, not after it.
@Startup
@ApplicationScoped
public class OccupancyLookup {

    record NightKey(long hotelId, long roomTypeId, LocalDate date) {
    }

    private final InventoryClient client;
    private final Cache<NightKey, Occupancy> cache;

    public OccupancyLookup(InventoryClient client, RatesConfig config, MeterRegistry registry) {
        this.client = client;
        this.cache = Caffeine.newBuilder().expireAfterWrite(config.occupancyCacheTtl())
                .maximumSize(config.occupancyCacheSize()).recordStats().build();
        CaffeineCacheMetrics.monitor(registry, cache, "occupancy");
    }

    /** The occupancy of each of {@code dates} (sorted, at most 366 days apart); a night without rooms is full. */
    public Uni<Map<LocalDate, Occupancy>> nights(long hotelId, long roomTypeId, List<LocalDate> dates) {
        Map<LocalDate, Occupancy> known = new HashMap<>();
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate date : dates) {
            Occupancy cached = cache.getIfPresent(new NightKey(hotelId, roomTypeId, date));
            if (cached != null) {
                known.put(date, cached);
            } else {
                missing.add(date);
            }
        }
        if (missing.isEmpty()) {
            return Uni.createFrom().item(known);
        }
        LocalDate from = Collections.min(missing);
        LocalDate to = Collections.max(missing).plusDays(1);
        return client.occupancy(hotelId, roomTypeId, from, to)
                .map(rows -> {
                    for (LocalDate date : missing) {
                        Occupancy occupancy = rows.getOrDefault(date, Occupancy.NO_ROOMS);
                        cache.put(new NightKey(hotelId, roomTypeId, date), occupancy);
                        known.put(date, occupancy);
                    }
                    return known;
                });
    }
}
