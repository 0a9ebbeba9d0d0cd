package org.hotelmesh.hotel.client;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.hotel.domain.RoomTypeCapacity;
import org.hotelmesh.proto.reservation.v1.HasFutureReservationsRequest;
import org.hotelmesh.proto.reservation.v1.HasFutureReservationsResponse;
import org.hotelmesh.proto.reservation.v1.MutinyInventoryServiceGrpc.MutinyInventoryServiceStub;
import org.hotelmesh.proto.reservation.v1.MutinyReservationServiceGrpc.MutinyReservationServiceStub;
import org.hotelmesh.proto.reservation.v1.SetRoomTypeCapacityRequest;
import org.hotelmesh.support.client.DownstreamGuard;
import org.hotelmesh.support.client.DownstreamGuards;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.hotelmesh.support.client.Retry;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * reservation-svc, as the catalog sees it: where room types' capacities are reported and whether a hotel still has
 * stays. Both calls are safe to repeat (a capacity report carries its catalog version), so both are retried when
 * reservation-svc gave no answer ({@link DownstreamUnavailable}), behind the one reservation-svc guard.
 */
@ApplicationScoped
public class ReservationClient {

    private static final DownstreamGuard.Words WORDS = new DownstreamGuard.Words() {
        @Override
        public String unanswered(String call, Status.Code code) {
            return "reservation-svc " + call + " failed: " + code;
        }

        @Override
        public String circuitOpen() {
            return "reservation-svc is failing; calls are paused for a few seconds";
        }
    };

    private final MutinyInventoryServiceStub inventory;
    private final MutinyReservationServiceStub reservations;
    private final DownstreamGuard guard;

    public ReservationClient(@GrpcClient("reservation") MutinyInventoryServiceStub inventory,
            @GrpcClient("reservation") MutinyReservationServiceStub reservations, DownstreamGuards guards) {
        this.inventory = inventory;
        this.reservations = reservations;
        this.guard = guards.of("reservation-svc", WORDS);
    }

    /** Reports a room type's rooms in service; a failure leaves the outbox row for the next sweep. */
    public Uni<Void> setRoomTypeCapacity(RoomTypeCapacity capacity) {
        return guard.call("SetRoomTypeCapacity", Retry.WHEN_UNREACHABLE_OR_SLOW, () -> inventory
                        .withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .setRoomTypeCapacity(SetRoomTypeCapacityRequest.newBuilder()
                                .setHotelId(capacity.hotelId())
                                .setRoomTypeId(capacity.roomTypeId())
                                .setRoomsInService(capacity.roomsInService())
                                .setCatalogVersion(capacity.catalogVersion())
                                .build()))
                .replaceWithVoid();
    }

    /** Whether the hotel has pending or paid stays not yet checked out; an open circuit fails fast. */
    public Uni<Boolean> hasFutureReservations(long hotelId) {
        return guard.call("HasFutureReservations", Retry.WHEN_UNREACHABLE_OR_SLOW, () -> reservations
                        .withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .hasFutureReservations(HasFutureReservationsRequest.newBuilder().setHotelId(hotelId).build()))
                .map(HasFutureReservationsResponse::getHasFutureReservations);
    }
}
