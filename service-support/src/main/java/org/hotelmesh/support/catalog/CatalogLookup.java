package org.hotelmesh.support.catalog;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;
import org.hotelmesh.support.error.DependencyUnavailable;
import org.hotelmesh.support.error.NotFound;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.mutiny.Uni;

/**
 * The catalog as the services that sell its hotels see it: a hotel's time zone and room types, kept for a while in
 * one bounded cache ({@code hotelmesh.clients.hotel-svc.cache-ttl}, {@code .cache-size}), since every price and every
 * booking needs them and they change rarely. Only hotels that exist are kept, and a room type missing from a kept
 * hotel is looked up again at once: staff create a room type and price it right after. A deleted room type may be
 * seen until its hotel's entry expires (it cannot be booked: its inventory is gone). Failures are not kept.
 */
@ApplicationScoped
public class CatalogLookup {

    private final HotelClient client;
    private final Cache<Long, HotelInfo> hotels;

    public CatalogLookup(HotelClient client, Config config) {
        this.client = client;
        Duration ttl = config.getOptionalValue("hotelmesh.clients.hotel-svc.cache-ttl", Duration.class)
                .orElse(Duration.ofSeconds(30));
        long maxHotels = config.getOptionalValue("hotelmesh.clients.hotel-svc.cache-size", Long.class).orElse(10_000L);
        this.hotels = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxHotels).build();
    }

    /** The hotel, or empty when hotel-svc does not know it. */
    public Uni<Optional<HotelInfo>> hotel(long hotelId) {
        HotelInfo cached = hotels.getIfPresent(hotelId);
        return cached != null ? Uni.createFrom().item(Optional.of(cached)) : fetch(hotelId);
    }

    /**
     * The hotel, looked up again when the kept one lacks {@code roomTypeId} (it may be new); empty when hotel-svc
     * does not know the hotel. Whether the room type is the hotel's is the caller's to say, in its own words.
     */
    public Uni<Optional<HotelInfo>> hotel(long hotelId, long roomTypeId) {
        HotelInfo cached = hotels.getIfPresent(hotelId);
        return cached != null && cached.hasRoomType(roomTypeId) ? Uni.createFrom().item(Optional.of(cached))
                : fetch(hotelId);
    }

    /** The hotel, or NOT_FOUND. */
    public Uni<HotelInfo> existingHotel(long hotelId) {
        return hotel(hotelId).map(found -> found.orElseThrow(() -> NotFound.hotel(hotelId)));
    }

    /**
     * NOT_FOUND unless the catalog knows the hotel and (unless 0) the room type as one of the hotel's: an unknown id
     * or another hotel's room type is never answered with defaults. For changes, which wait for the catalog.
     */
    public Uni<Void> known(long hotelId, long roomTypeId) {
        return (roomTypeId == 0 ? existingHotel(hotelId) : roomType(hotelId, roomTypeId)).replaceWithVoid();
    }

    /** As {@link #known}, but a read goes on without the check while the catalog cannot be asked. */
    public Uni<Void> knownForReading(long hotelId, long roomTypeId) {
        return known(hotelId, roomTypeId).onFailure(DependencyUnavailable.class).recoverWithNull();
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
        return client.findHotel(hotelId).invoke(found -> found.ifPresent(hotel -> hotels.put(hotelId, hotel)));
    }
}
