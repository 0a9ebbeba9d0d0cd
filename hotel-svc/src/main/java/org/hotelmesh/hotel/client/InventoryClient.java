package org.hotelmesh.hotel.client;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotelmesh.hotel.config.CapacitySyncConfig;
import org.hotelmesh.hotel.domain.ReservationsUnavailable;
import org.hotelmesh.hotel.domain.RoomTypeCapacity;
import org.hotelmesh.proto.reservation.v1.MutinyInventoryServiceGrpc.MutinyInventoryServiceStub;
import org.hotelmesh.proto.reservation.v1.SetRoomTypeCapacityRequest;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * reservation-svc's InventoryService, as the capacity outbox sees it. SetRoomTypeCapacity is idempotent and ordered
 * by catalog version on the other side, so retrying it (on UNAVAILABLE / DEADLINE_EXCEEDED only) is safe; anything
 * else fails the delivery and the outbox row waits for the next sweep.
 */
@ApplicationScoped
public class InventoryClient {

    private final MutinyInventoryServiceStub inventory;
    private final CapacitySyncConfig config;

    public InventoryClient(@GrpcClient("reservation") MutinyInventoryServiceStub inventory,
            CapacitySyncConfig config) {
        this.inventory = inventory;
        this.config = config;
    }

    @Retry(maxRetries = 2, delay = 100, delayUnit = ChronoUnit.MILLIS, jitter = 50,
            retryOn = ReservationsUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = ReservationsUnavailable.class)
    public Uni<Void> setRoomTypeCapacity(RoomTypeCapacity capacity) {
        return Uni.createFrom().deferred(() -> inventory
                        .withDeadlineAfter(config.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .setRoomTypeCapacity(SetRoomTypeCapacityRequest.newBuilder()
                                .setHotelId(capacity.hotelId())
                                .setRoomTypeId(capacity.roomTypeId())
                                .setRoomsInService(capacity.roomsInService())
                                .setCatalogVersion(capacity.catalogVersion())
                                .build()))
                .onFailure().transform(failure -> ReservationsCalls.unavailableOrSelf("SetRoomTypeCapacity", failure))
                .replaceWithVoid();
    }
}
