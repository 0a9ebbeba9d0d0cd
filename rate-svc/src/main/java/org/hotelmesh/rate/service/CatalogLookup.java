package org.hotelmesh.rate.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.hotelmesh.rate.client.CatalogClient;
import org.hotelmesh.rate.config.CatalogConfig;
import org.hotelmesh.rate.domain.CatalogUnavailable;
import org.hotelmesh.rate.domain.HotelInfo;
import org.hotelmesh.rate.domain.NotFound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;

/**
 * Keeps hotel-svc's answers for a short while: every price needs the hotel's time zone and room types, and they
 * change rarely. Only hotels that exist are kept, and a room type missing from a kept hotel is looked up again at
 * once: staff create a room type and set its base prices right after, and must not be told it does not exist. A
 * deleted room type may still be priced until its hotel's entry expires (it cannot be booked anyway).
 */
@ApplicationScoped
public class CatalogLookup {

    private final CatalogClient client;
    private final Cache<Long, HotelInfo> hotels;

    public CatalogLookup(CatalogClient client, CatalogConfig config) {
        this.client = client;
        this.hotels = Caffeine.newBuilder().expireAfterWrite(config.cacheTtl()).maximumSize(10_000).build();
    }

    /** The hotel, or NOT_FOUND. */
    public Uni<HotelInfo> hotel(long hotelId) {
        HotelInfo cached = hotels.getIfPresent(hotelId);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        return fetch(hotelId).map(found -> found.orElseThrow(() -> NotFound.hotel(hotelId)));
    }

    /** The hotel of the room type, or NOT_FOUND when either does not exist or the room type is another hotel's. */
    public Uni<HotelInfo> roomType(long hotelId, long roomTypeId) {
        HotelInfo cached = hotels.getIfPresent(hotelId);
        if (cached != null && cached.hasRoomType(roomTypeId)) {
            return Uni.createFrom().item(cached);
        }
        return fetch(hotelId).map(found -> {
            HotelInfo hotel = found.orElseThrow(() -> NotFound.hotel(hotelId));
            if (!hotel.hasRoomType(roomTypeId)) {
                throw NotFound.roomType(hotelId, roomTypeId);
            }
            return hotel;
        });
    }

    private Uni<Optional<HotelInfo>> fetch(long hotelId) {
        return client.findHotel(hotelId)
                .onFailure(CircuitBreakerOpenException.class).transform(open -> new CatalogUnavailable(
                        "the hotel catalog is unavailable (hotel-svc is failing; calls are paused for a few seconds);"
                                + " retry shortly"))
                .invoke(found -> found.ifPresent(hotel -> hotels.put(hotelId, hotel)));
    }
}
