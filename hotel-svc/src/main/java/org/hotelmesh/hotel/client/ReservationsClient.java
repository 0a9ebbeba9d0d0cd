package org.hotelmesh.hotel.client;

import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotelmesh.hotel.config.ReservationsConfig;
import org.hotelmesh.hotel.domain.ReservationsUnavailable;
import org.hotelmesh.proto.reservation.v1.HasFutureReservationsRequest;
import org.hotelmesh.proto.reservation.v1.HasFutureReservationsResponse;
import org.hotelmesh.proto.reservation.v1.MutinyReservationServiceGrpc.MutinyReservationServiceStub;

import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * reservation-svc's ReservationService, as the catalog sees it. HasFutureReservations is a read, so it is retried,
 * but only when reservation-svc was unreachable or slow; an open circuit fails fast instead of holding deletes.
 */
@ApplicationScoped
public class ReservationsClient {

    private final MutinyReservationServiceStub reservations;
    private final ReservationsConfig config;

    public ReservationsClient(@GrpcClient("reservation") MutinyReservationServiceStub reservations,
            ReservationsConfig config) {
        this.reservations = reservations;
        this.config = config;
    }

    /** Whether the hotel has pending or paid stays not yet checked out. */
    @Retry(maxRetries = 2, delay = 100, delayUnit = ChronoUnit.MILLIS, jitter = 50,
            retryOn = ReservationsUnavailable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = ReservationsUnavailable.class)
    public Uni<Boolean> hasFutureReservations(long hotelId) {
        return Uni.createFrom().deferred(() -> reservations
                        .withDeadlineAfter(config.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .hasFutureReservations(HasFutureReservationsRequest.newBuilder().setHotelId(hotelId).build()))
                .map(HasFutureReservationsResponse::getHasFutureReservations)
                .onFailure().transform(failure -> ReservationsCalls.unavailableOrSelf("HasFutureReservations",
                        failure));
    }
}
