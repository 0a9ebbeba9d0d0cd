package org.hotelmesh.reservation.service;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.hotelmesh.reservation.client.CatalogClient;
import org.hotelmesh.reservation.config.CatalogConfig;
import org.hotelmesh.reservation.domain.CatalogUnavailable;
import org.hotelmesh.reservation.domain.HotelInfo;

import io.smallrye.mutiny.Uni;

/**
 * Keeps hotel-svc's answers for a short while: every booking needs the hotel's time zone and room types, and they
 * change rarely. Failures are not kept, so the next booking asks again.
 */
@ApplicationScoped
public class CatalogLookup {

    private record Entry(Optional<HotelInfo> hotel, long expiresAtNanos) {
    }

    private final CatalogClient client;
    private final long ttlNanos;
    private final ConcurrentHashMap<Long, Entry> entries = new ConcurrentHashMap<>();

    public CatalogLookup(CatalogClient client, CatalogConfig config) {
        this.client = client;
        this.ttlNanos = config.cacheTtl().toNanos();
    }

    public Uni<Optional<HotelInfo>> hotel(long hotelId) {
        Entry entry = entries.get(hotelId);
        long now = System.nanoTime();
        if (entry != null && now - entry.expiresAtNanos() < 0) {
            return Uni.createFrom().item(entry.hotel());
        }
        return client.findHotel(hotelId)
                .onFailure(CircuitBreakerOpenException.class).transform(open -> new CatalogUnavailable(
                        "the hotel catalog is unavailable (hotel-svc is failing; calls are paused for a few seconds);"
                                + " retry shortly"))
                .invoke(hotel -> {
                    if (entries.size() > 10_000) {
                        entries.clear(); // a crude bound; the map refills from the hotels actually being booked
                    }
                    entries.put(hotelId, new Entry(hotel, System.nanoTime() + ttlNanos));
                });
    }
}
