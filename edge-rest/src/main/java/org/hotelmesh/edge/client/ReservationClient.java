package org.hotelmesh.edge.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotelmesh.edge.api.AvailabilityDto;
import org.hotelmesh.edge.api.CancellationDto;
import org.hotelmesh.edge.api.CancellationPolicyInput;
import org.hotelmesh.edge.api.HotelCancellationPolicyDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.InventoryDto;
import org.hotelmesh.edge.api.NewReservation;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.PageQuery;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.edge.api.When;
import org.hotelmesh.edge.config.ReservationClientConfig;
import org.hotelmesh.edge.mapping.HotelMapper;
import org.hotelmesh.edge.mapping.ReservationMapper;
import org.hotelmesh.proto.common.v1.PageRequest;
import org.hotelmesh.proto.reservation.v1.CancelReservationRequest;
import org.hotelmesh.proto.reservation.v1.GetAvailabilityRequest;
import org.hotelmesh.proto.reservation.v1.GetCancellationPolicyRequest;
import org.hotelmesh.proto.reservation.v1.GetInventoryRequest;
import org.hotelmesh.proto.reservation.v1.GetOverbookingRatioRequest;
import org.hotelmesh.proto.reservation.v1.GetReservationRequest;
import org.hotelmesh.proto.reservation.v1.ListHotelReservationsRequest;
import org.hotelmesh.proto.reservation.v1.ListReservationsRequest;
import org.hotelmesh.proto.reservation.v1.MutinyInventoryServiceGrpc;
import org.hotelmesh.proto.reservation.v1.MutinyReservationServiceGrpc;
import org.hotelmesh.proto.reservation.v1.PreviewCancellationRequest;
import org.hotelmesh.proto.reservation.v1.SetCancellationPolicyRequest;
import org.hotelmesh.proto.reservation.v1.SetMaintenanceRequest;
import org.hotelmesh.proto.reservation.v1.SetOverbookingRatioRequest;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The edge's only door to reservation-svc (ReservationService and InventoryService on one channel). Owns the
 * deadline, retries (reads, plus the idempotent booking) and a circuit breaker per call, like {@link HotelClient}.
 */
@ApplicationScoped
public class ReservationClient {

    private final MutinyReservationServiceGrpc.MutinyReservationServiceStub reservations;
    private final MutinyInventoryServiceGrpc.MutinyInventoryServiceStub inventory;
    private final ReservationClientConfig config;

    public ReservationClient(
            @GrpcClient("reservation") MutinyReservationServiceGrpc.MutinyReservationServiceStub reservations,
            @GrpcClient("reservation") MutinyInventoryServiceGrpc.MutinyInventoryServiceStub inventory,
            ReservationClientConfig config) {
        this.reservations = reservations;
        this.inventory = inventory;
        this.config = config;
    }

    // ---- reservations

    /**
     * Retried although it is a write: the reservationID is the idempotency key, so an attempt that reached
     * reservation-svc before the deadline expired is answered again with the same reservation instead of booking twice.
     */
    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<ReservationDto> createReservation(NewReservation booking) {
        return translate(bookingCall().createReservation(ReservationMapper.toProto(booking))
                .map(r -> ReservationMapper.toDto(r.getReservation())));
    }

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<Optional<ReservationDto>> getReservation(String reservationId) {
        return translate(reservationCall().getReservation(GetReservationRequest.newBuilder()
                        .setReservationId(reservationId).build())
                .map(r -> Optional.of(ReservationMapper.toDto(r.getReservation()))))
                .onFailure(ReservationClient::notFound).recoverWithItem(Optional.empty());
    }

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<PageDto<ReservationDto>> listReservations(String guestId, When when, PageQuery page) {
        return translate(reservationCall().listReservations(ListReservationsRequest.newBuilder()
                        .setGuestId(guestId).setWhen(ReservationMapper.toProto(when)).setPage(page(page)).build())
                .map(r -> HotelMapper.toPage(r.getReservationsList(), r.getPage(), ReservationMapper::toDto)));
    }

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<PageDto<ReservationDto>> listHotelReservations(long hotelId, When when, PageQuery page) {
        return translate(reservationCall().listHotelReservations(ListHotelReservationsRequest.newBuilder()
                        .setHotelId(hotelId).setWhen(ReservationMapper.toProto(when)).setPage(page(page)).build())
                .map(r -> HotelMapper.toPage(r.getReservationsList(), r.getPage(), ReservationMapper::toDto)));
    }

    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<ReservationDto> cancelReservation(String reservationId, String requestedBy, boolean waiveFee) {
        return translate(bookingCall().cancelReservation(CancelReservationRequest.newBuilder()
                        .setReservationId(reservationId).setRequestedBy(requestedBy).setWaiveFee(waiveFee).build())
                .map(r -> ReservationMapper.toDto(r.getReservation())));
    }

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<CancellationDto> previewCancellation(String reservationId, boolean waiveFee) {
        return translate(reservationCall().previewCancellation(PreviewCancellationRequest.newBuilder()
                        .setReservationId(reservationId).setWaiveFee(waiveFee).build())
                .map(ReservationMapper::toDto));
    }

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<HotelCancellationPolicyDto> getCancellationPolicy(long hotelId) {
        return translate(reservationCall().getCancellationPolicy(GetCancellationPolicyRequest.newBuilder()
                        .setHotelId(hotelId).build())
                .map(r -> ReservationMapper.toDto(hotelId, r.getSource(), r.getPolicy())));
    }

    /** Retried: setting the same policy twice is setting it once. */
    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<HotelCancellationPolicyDto> setCancellationPolicy(long hotelId, CancellationPolicyInput policy) {
        return translate(reservationCall().setCancellationPolicy(SetCancellationPolicyRequest.newBuilder()
                        .setHotelId(hotelId).setPolicy(ReservationMapper.toProto(policy)).build())
                .map(r -> ReservationMapper.toDto(hotelId, "hotel", r.getPolicy())));
    }

    // ---- inventory

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<AvailabilityDto> getAvailability(long hotelId, long roomTypeId, DateSpan span) {
        return translate(inventoryCall().getAvailability(GetAvailabilityRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setStay(ReservationMapper.range(span)).build())
                .map(r -> ReservationMapper.toDto(hotelId, span, r)));
    }

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<InventoryDto> getInventory(long hotelId, long roomTypeId, DateSpan span) {
        return translate(inventoryCall().getInventory(GetInventoryRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setDates(ReservationMapper.range(span)).build())
                .map(r -> new InventoryDto(r.getRowsList().stream().map(ReservationMapper::toDto).toList())));
    }

    @Retry(retryOn = DownstreamUnavailableException.class, maxRetries = 2, delay = 100, jitter = 50)
    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<BigDecimal> getOverbookingRatio(long hotelId, long roomTypeId) {
        return translate(inventoryCall().getOverbookingRatio(GetOverbookingRatioRequest.newBuilder()
                        .setHotelId(hotelId).setRoomTypeId(roomTypeId).build())
                .map(r -> ReservationMapper.ratio(r.getRatio())));
    }

    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<BigDecimal> setOverbookingRatio(long hotelId, long roomTypeId, BigDecimal ratio) {
        return translate(inventoryCall().setOverbookingRatio(SetOverbookingRatioRequest.newBuilder()
                        .setHotelId(hotelId).setRoomTypeId(roomTypeId).setRatio(ratio.doubleValue()).build())
                .map(r -> ReservationMapper.ratio(r.getRatio())));
    }

    @CircuitBreaker(failOn = DownstreamUnavailableException.class, requestVolumeThreshold = 10, failureRatio = 0.5,
            delay = 5000, successThreshold = 2)
    public Uni<Void> setMaintenance(long hotelId, long roomTypeId, DateSpan span, int rooms) {
        return translate(inventoryCall().setMaintenance(SetMaintenanceRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setDates(ReservationMapper.range(span)).setRooms(rooms).build())
                .replaceWithVoid());
    }

    // ---- plumbing

    /** Stubs whose calls carry the configured deadline (gRPC deadlines are per call, not per stub lifetime). */
    private MutinyReservationServiceGrpc.MutinyReservationServiceStub reservationCall() {
        return reservations.withDeadlineAfter(config.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Bookings and cancellations: they may wait for payment-svc's charge or refund (see bookingDeadline). */
    private MutinyReservationServiceGrpc.MutinyReservationServiceStub bookingCall() {
        return reservations.withDeadlineAfter(config.bookingDeadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private MutinyInventoryServiceGrpc.MutinyInventoryServiceStub inventoryCall() {
        return inventory.withDeadlineAfter(config.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static PageRequest page(PageQuery page) {
        return PageRequest.newBuilder().setPageSize(page.pageSize()).setPageToken(page.pageToken()).build();
    }

    private static boolean notFound(Throwable e) {
        return e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND;
    }

    private static <T> Uni<T> translate(Uni<T> call) {
        return Downstream.RESERVATIONS.translate(call);
    }
}
