package org.hotelmesh.hotel.client;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotelmesh.hotel.config.CapacitySyncConfig;
import org.hotelmesh.hotel.config.ReservationsConfig;
import org.hotelmesh.hotel.domain.ReservationsUnavailable;
import org.hotelmesh.hotel.domain.RoomTypeCapacity;
import org.hotelmesh.proto.reservation.v1.HasFutureReservationsRequest;
import org.hotelmesh.proto.reservation.v1.HasFutureReservationsResponse;
import org.hotelmesh.proto.reservation.v1.MutinyInventoryServiceGrpc.MutinyInventoryServiceStub;
import org.hotelmesh.proto.reservation.v1.MutinyReservationServiceGrpc.MutinyReservationServiceStub;
import org.hotelmesh.proto.reservation.v1.SetRoomTypeCapacityRequest;
import org.hotelmesh.support.GrpcStatuses;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * reservation-svc, as the catalog sees it: its InventoryService for capacity reports and its ReservationService for
 * the check before a hotel is deleted. Both calls are safe to retry -- SetRoomTypeCapacity is idempotent and ordered
 * by catalog version on the other side, HasFutureReservations is a read -- so each retries, but only when
 * reservation-svc was unreachable or slow. Any other status is a real answer and passes through.
 */
@ApplicationScoped
public class ReservationSvcClient {

    private final MutinyInventoryServiceStub inventory;
    private final MutinyReservationServiceStub reservations;
    private final CapacitySyncConfig capacitySync;
    private final ReservationsConfig reservationsConfig;

    public ReservationSvcClient(@GrpcClient("reservation") MutinyInventoryServiceStub inventory,
            @GrpcClient("reservation") MutinyReservationServiceStub reservations, CapacitySyncConfig capacitySync,
            ReservationsConfig reservationsConfig) {
        this.inventory = inventory;
        this.reservations = reservations;
        this.capacitySync = capacitySync;
        this.reservationsConfig = reservationsConfig;
    }

    /** Reports a room type's rooms in service; a failure leaves the outbox row for the next sweep. */
    @Retry(maxRetries = 2, delay = 100, delayUnit = ChronoUnit.MILLIS, jitter = 50,
            retryOn = ReservationsUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = ReservationsUnavailable.class)
    public Uni<Void> setRoomTypeCapacity(RoomTypeCapacity capacity) {
        return Uni.createFrom().deferred(() -> inventory
                        .withDeadlineAfter(capacitySync.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .setRoomTypeCapacity(SetRoomTypeCapacityRequest.newBuilder()
                                .setHotelId(capacity.hotelId())
                                .setRoomTypeId(capacity.roomTypeId())
                                .setRoomsInService(capacity.roomsInService())
                                .setCatalogVersion(capacity.catalogVersion())
                                .build()))
                .onFailure().transform(failure -> unavailableOrSelf("SetRoomTypeCapacity", failure))
                .replaceWithVoid();
    }

    /** Whether the hotel has pending or paid stays not yet checked out; an open circuit fails fast. */
    @Retry(maxRetries = 2, delay = 100, delayUnit = ChronoUnit.MILLIS, jitter = 50,
            retryOn = ReservationsUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = ReservationsUnavailable.class)
    public Uni<Boolean> hasFutureReservations(long hotelId) {
        return Uni.createFrom().deferred(() -> reservations
                        .withDeadlineAfter(reservationsConfig.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .hasFutureReservations(HasFutureReservationsRequest.newBuilder().setHotelId(hotelId).build()))
                .map(HasFutureReservationsResponse::getHasFutureReservations)
                .onFailure().transform(failure -> unavailableOrSelf("HasFutureReservations", failure));
    }

    /** UNAVAILABLE and DEADLINE_EXCEEDED become {@link ReservationsUnavailable}, the only failure worth a retry. */
    private static Throwable unavailableOrSelf(String rpc, Throwable failure) {
        Status status = GrpcStatuses.status(failure);
        if (status.getCode() == Status.Code.UNAVAILABLE || status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            return new ReservationsUnavailable("reservation-svc " + rpc + " failed: " + status.getCode()
                    + (status.getDescription() == null ? "" : " (" + status.getDescription() + ")"));
        }
        return failure;
    }
}
