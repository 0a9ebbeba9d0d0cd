package org.hotelmesh.rate.client;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotelmesh.proto.hotel.v1.GetHotelRequest;
import org.hotelmesh.proto.hotel.v1.GetHotelResponse;
import org.hotelmesh.proto.hotel.v1.MutinyHotelServiceGrpc.MutinyHotelServiceStub;
import org.hotelmesh.proto.hotel.v1.RoomType;
import org.hotelmesh.rate.config.CatalogConfig;
import org.hotelmesh.rate.domain.CatalogUnavailable;
import org.hotelmesh.rate.domain.HotelInfo;
import org.hotelmesh.support.GrpcStatuses;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * hotel-svc, as pricing sees it: a hotel's time zone and room types. GetHotel is a read, so it is retried, but only
 * when hotel-svc was unreachable or slow; an open circuit fails fast instead of queueing requests behind it.
 */
@ApplicationScoped
public class CatalogClient {

    private final MutinyHotelServiceStub hotels;
    private final CatalogConfig config;

    public CatalogClient(@GrpcClient("hotel") MutinyHotelServiceStub hotels, CatalogConfig config) {
        this.hotels = hotels;
        this.config = config;
    }

    /** The hotel, or empty when hotel-svc does not know it. */
    @Retry(maxRetries = 2, delay = 50, delayUnit = ChronoUnit.MILLIS, jitter = 25,
            retryOn = CatalogUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = CatalogUnavailable.class)
    public Uni<Optional<HotelInfo>> findHotel(long hotelId) {
        return Uni.createFrom().deferred(() -> hotels
                        .withDeadlineAfter(config.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .getHotel(GetHotelRequest.newBuilder().setHotelId(hotelId).build()))
                .map(response -> Optional.of(toInfo(response)))
                .onFailure().recoverWithUni(failure -> {
                    Status.Code code = GrpcStatuses.status(failure).getCode();
                    if (code == Status.Code.NOT_FOUND) {
                        return Uni.createFrom().item(Optional.empty());
                    }
                    if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
                        return Uni.createFrom().failure(new CatalogUnavailable(
                                "the hotel catalog is unavailable (" + code + "); retry shortly"));
                    }
                    return Uni.createFrom().failure(
                            new IllegalStateException("hotel-svc GetHotel(" + hotelId + ") failed", failure));
                });
    }

    static HotelInfo toInfo(GetHotelResponse response) {
        Set<Long> roomTypes = new LinkedHashSet<>();
        for (RoomType roomType : response.getRoomTypesList()) {
            roomTypes.add(roomType.getId());
        }
        return new HotelInfo(response.getHotel().getId(), ZoneId.of(response.getHotel().getDetails().getTimeZone()),
                roomTypes);
    }
}
