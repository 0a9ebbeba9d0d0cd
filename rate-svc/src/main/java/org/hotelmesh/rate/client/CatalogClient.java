package org.hotelmesh.rate.client;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.proto.hotel.v1.FindHotelsRequest;
import org.hotelmesh.proto.hotel.v1.FindHotelsResponse;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.HotelWithRoomTypes;
import org.hotelmesh.proto.hotel.v1.MutinyHotelServiceGrpc.MutinyHotelServiceStub;
import org.hotelmesh.support.catalog.HotelClient;
import org.hotelmesh.support.client.DownstreamGuard;
import org.hotelmesh.support.client.DownstreamGuards;
import org.hotelmesh.support.client.Retry;
import org.hotelmesh.support.error.NotFound;
import org.hotelmesh.support.grpc.GrpcStatuses;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * hotel-svc as the stay search reads it: the hotels of a place and one hotel, each with its room types (names,
 * occupancy, beds), behind the one hotel-svc guard. Reads, retried when hotel-svc could not be reached; one hotel
 * also when it was slow.
 */
@ApplicationScoped
public class CatalogClient {

    private final MutinyHotelServiceStub hotels;
    private final DownstreamGuard guard;

    public CatalogClient(@GrpcClient("hotel") MutinyHotelServiceStub hotels, DownstreamGuards guards) {
        this.hotels = hotels;
        this.guard = guards.of(HotelClient.SERVICE, HotelClient.WORDS);
    }

    /**
     * The hotels of the place (off-sale ones too), ordered by id, at most {@code limit}; {@code more} tells that more
     * match. The caller checked the place, so hotel-svc has no reason to refuse it. {@code deadline}: the caller's for
     * this read, which may be longer than the hotel-svc client's.
     */
    public Uni<FindHotelsResponse> find(String city, String country, int limit, Duration deadline) {
        // Not tried again when slow: one read serves every search of the place, and a busy hotel-svc asked again
        // only gets busier.
        return guard.call("FindHotels", Retry.WHEN_UNREACHABLE, () -> hotels
                        .withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)
                        .findHotels(FindHotelsRequest.newBuilder().setCity(city).setCountry(country).setLimit(limit)
                                .build()))
                .onFailure(StatusRuntimeException.class).transform(failure -> new IllegalStateException(
                        "hotel-svc FindHotels(" + city + ", " + country + ") failed", failure));
    }

    /** The hotel with its room types, or NOT_FOUND. */
    public Uni<HotelWithRoomTypes> hotel(long hotelId) {
        return guard.call("GetHotel", Retry.WHEN_UNREACHABLE_OR_SLOW, () -> hotels
                        .withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build()))
                .map(found -> HotelWithRoomTypes.newBuilder().setHotel(found.getHotel())
                        .addAllRoomTypes(found.getRoomTypesList()).build())
                .onFailure(failure -> GrpcStatuses.status(failure).getCode() == Status.Code.NOT_FOUND)
                .transform(failure -> NotFound.hotel(hotelId))
                .onFailure(StatusRuntimeException.class).transform(failure -> new IllegalStateException(
                        "hotel-svc GetHotel(" + hotelId + ") failed", failure));
    }
}
