package org.hotelmesh.edge.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.edge.api.AvailabilityDto;
import org.hotelmesh.edge.api.CancellationDto;
import org.hotelmesh.edge.api.CancellationPolicyInput;
import org.hotelmesh.edge.api.CheckOutDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.FreeRoomsDto;
import org.hotelmesh.edge.api.FrontDeskDto;
import org.hotelmesh.edge.api.HotelCancellationPolicyDto;
import org.hotelmesh.edge.api.InventoryDto;
import org.hotelmesh.edge.api.NewReservation;
import org.hotelmesh.edge.api.NewStayChange;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.PageQuery;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.edge.api.StayChangePreviewDto;
import org.hotelmesh.edge.api.StayChangeResultDto;
import org.hotelmesh.edge.api.When;
import org.hotelmesh.edge.mapping.HotelMapper;
import org.hotelmesh.edge.mapping.ReservationMapper;
import org.hotelmesh.proto.common.v1.PageRequest;
import org.hotelmesh.proto.reservation.v1.CancelReservationRequest;
import org.hotelmesh.proto.reservation.v1.CheckInRequest;
import org.hotelmesh.proto.reservation.v1.CheckOutRequest;
import org.hotelmesh.proto.reservation.v1.GetAvailabilityRequest;
import org.hotelmesh.proto.reservation.v1.GetCancellationPolicyRequest;
import org.hotelmesh.proto.reservation.v1.GetFrontDeskRequest;
import org.hotelmesh.proto.reservation.v1.GetInventoryRequest;
import org.hotelmesh.proto.reservation.v1.GetOverbookingRatioRequest;
import org.hotelmesh.proto.reservation.v1.GetReservationRequest;
import org.hotelmesh.proto.reservation.v1.ListFreeRoomsRequest;
import org.hotelmesh.proto.reservation.v1.ListHotelReservationsRequest;
import org.hotelmesh.proto.reservation.v1.ListReservationsRequest;
import org.hotelmesh.proto.reservation.v1.MoveRoomRequest;
import org.hotelmesh.proto.reservation.v1.MutinyInventoryServiceGrpc;
import org.hotelmesh.proto.reservation.v1.MutinyReservationServiceGrpc;
import org.hotelmesh.proto.reservation.v1.PreviewCancellationRequest;
import org.hotelmesh.proto.reservation.v1.SetCancellationPolicyRequest;
import org.hotelmesh.proto.reservation.v1.SetMaintenanceRequest;
import org.hotelmesh.proto.reservation.v1.SetOverbookingRatioRequest;
import org.hotelmesh.support.client.DownstreamGuard;
import org.hotelmesh.support.client.DownstreamGuards;
import org.hotelmesh.support.client.Retry;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * The edge's only door to reservation-svc (ReservationService and InventoryService on one channel). Owns the
 * deadline, retries (reads, plus the idempotent booking) and the one reservation-svc guard, like {@link HotelClient}.
 */
@ApplicationScoped
public class ReservationClient {

    private final MutinyReservationServiceGrpc.MutinyReservationServiceStub reservations;
    private final MutinyInventoryServiceGrpc.MutinyInventoryServiceStub inventory;
    private final DownstreamGuard guard;

    public ReservationClient(
            @GrpcClient("reservation") MutinyReservationServiceGrpc.MutinyReservationServiceStub reservations,
            @GrpcClient("reservation") MutinyInventoryServiceGrpc.MutinyInventoryServiceStub inventory,
            DownstreamGuards guards) {
        this.reservations = reservations;
        this.inventory = inventory;
        this.guard = Downstream.RESERVATIONS.guard(guards);
    }

    // ---- reservations

    /**
     * Retried although it is a write: the reservationID is the idempotency key, so an attempt that reached
     * reservation-svc before the deadline expired is answered again with the same reservation instead of booking twice.
     */
    public Uni<ReservationDto> createReservation(NewReservation booking) {
        return retried(() -> bookingCall().createReservation(ReservationMapper.toProto(booking))
                .map(r -> ReservationMapper.toDto(r.getReservation())));
    }

    public Uni<Optional<ReservationDto>> getReservation(String reservationId) {
        return retried(() -> reservationCall().getReservation(GetReservationRequest.newBuilder()
                        .setReservationId(reservationId).build())
                .map(r -> Optional.of(ReservationMapper.toDto(r.getReservation()))))
                .onFailure(ReservationClient::notFound).recoverWithItem(Optional.empty());
    }

    public Uni<PageDto<ReservationDto>> listReservations(String guestId, When when, PageQuery page) {
        return retried(() -> reservationCall().listReservations(ListReservationsRequest.newBuilder()
                        .setGuestId(guestId).setWhen(ReservationMapper.toProto(when)).setPage(page(page)).build())
                .map(r -> HotelMapper.toPage(r.getReservationsList(), r.getPage(), ReservationMapper::toDto)));
    }

    public Uni<PageDto<ReservationDto>> listHotelReservations(long hotelId, When when, PageQuery page) {
        return retried(() -> reservationCall().listHotelReservations(ListHotelReservationsRequest.newBuilder()
                        .setHotelId(hotelId).setWhen(ReservationMapper.toProto(when)).setPage(page(page)).build())
                .map(r -> HotelMapper.toPage(r.getReservationsList(), r.getPage(), ReservationMapper::toDto)));
    }

    public Uni<ReservationDto> cancelReservation(String reservationId, String requestedBy, boolean waiveFee) {
        return once(() -> bookingCall().cancelReservation(CancelReservationRequest.newBuilder()
                        .setReservationId(reservationId).setRequestedBy(requestedBy).setWaiveFee(waiveFee).build())
                .map(r -> ReservationMapper.toDto(r.getReservation())));
    }

    public Uni<CancellationDto> previewCancellation(String reservationId, boolean waiveFee) {
        return retried(() -> reservationCall().previewCancellation(PreviewCancellationRequest.newBuilder()
                        .setReservationId(reservationId).setWaiveFee(waiveFee).build())
                .map(ReservationMapper::toDto));
    }

    public Uni<HotelCancellationPolicyDto> getCancellationPolicy(long hotelId) {
        return retried(() -> reservationCall().getCancellationPolicy(GetCancellationPolicyRequest.newBuilder()
                        .setHotelId(hotelId).build())
                .map(r -> ReservationMapper.toDto(hotelId, r.getSource(), r.getPolicy())));
    }

    /** Retried: setting the same policy twice is setting it once. */
    public Uni<HotelCancellationPolicyDto> setCancellationPolicy(long hotelId, CancellationPolicyInput policy) {
        return retried(() -> reservationCall().setCancellationPolicy(SetCancellationPolicyRequest.newBuilder()
                        .setHotelId(hotelId).setPolicy(ReservationMapper.toProto(policy)).build())
                .map(r -> ReservationMapper.toDto(hotelId, "hotel", r.getPolicy())));
    }

    // ---- changes of stay

    /**
     * Retried although it is a write, like a booking: the changeID is the idempotency key, so an attempt that reached
     * reservation-svc is answered again with the same change, never charged twice. The write deadline: the
     * difference may be charged or refunded through payment-svc.
     */
    public Uni<StayChangeResultDto> changeStay(NewStayChange change) {
        return retried(() -> bookingCall().changeStay(ReservationMapper.toProto(change))
                .map(ReservationMapper::toDto));
    }

    public Uni<StayChangePreviewDto> previewStayChange(NewStayChange change) {
        return retried(() -> reservationCall().previewStayChange(ReservationMapper.toProto(change))
                .map(ReservationMapper::toDto));
    }

    // ---- the front desk

    /** The day's arrivals, guests in house and departures; {@code date} empty: today in the hotel's calendar. */
    public Uni<FrontDeskDto> frontDesk(long hotelId, Optional<LocalDate> date) {
        GetFrontDeskRequest.Builder request = GetFrontDeskRequest.newBuilder().setHotelId(hotelId);
        date.ifPresent(d -> request.setDate(ReservationMapper.toProto(d)));
        return retried(() -> reservationCall().getFrontDesk(request.build()).map(ReservationMapper::toDto));
    }

    public Uni<FreeRoomsDto> freeRooms(long hotelId, long roomTypeId, DateSpan nights) {
        return retried(() -> reservationCall().listFreeRooms(ListFreeRoomsRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setNights(ReservationMapper.range(nights)).build())
                .map(ReservationMapper::toDto));
    }

    /** Retried: checking in again answers the reservation unchanged (with the rooms the first attempt gave it). */
    public Uni<ReservationDto> checkIn(String reservationId, List<Long> roomIds) {
        return retried(() -> reservationCall().checkIn(CheckInRequest.newBuilder().setReservationId(reservationId)
                        .addAllRoomIds(roomIds).build())
                .map(r -> ReservationMapper.toDto(r.getReservation())));
    }

    /** Never repeated: a move that got through and was asked again would be refused for a room already left. */
    public Uni<ReservationDto> moveRoom(String reservationId, long fromRoomId, long toRoomId) {
        return once(() -> reservationCall().moveRoom(MoveRoomRequest.newBuilder().setReservationId(reservationId)
                        .setFromRoomId(fromRoomId).setToRoomId(toRoomId).build())
                .map(r -> ReservationMapper.toDto(r.getReservation())));
    }

    /** Retried: checking out is idempotent. The write deadline: an early departure is refunded through payment-svc. */
    public Uni<CheckOutDto> checkOut(String reservationId) {
        return retried(() -> bookingCall().checkOut(CheckOutRequest.newBuilder().setReservationId(reservationId)
                        .build())
                .map(ReservationMapper::toDto));
    }

    // ---- inventory

    public Uni<AvailabilityDto> getAvailability(long hotelId, long roomTypeId, DateSpan span) {
        return retried(() -> inventoryCall().getAvailability(GetAvailabilityRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setStay(ReservationMapper.range(span)).build())
                .map(r -> ReservationMapper.toDto(hotelId, span, r)));
    }

    public Uni<InventoryDto> getInventory(long hotelId, long roomTypeId, DateSpan span) {
        return retried(() -> inventoryCall().getInventory(GetInventoryRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setDates(ReservationMapper.range(span)).build())
                .map(r -> new InventoryDto(r.getRowsList().stream().map(ReservationMapper::toDto).toList())));
    }

    public Uni<BigDecimal> getOverbookingRatio(long hotelId, long roomTypeId) {
        return retried(() -> inventoryCall().getOverbookingRatio(GetOverbookingRatioRequest.newBuilder()
                        .setHotelId(hotelId).setRoomTypeId(roomTypeId).build())
                .map(r -> ReservationMapper.ratio(r.getRatio())));
    }

    public Uni<BigDecimal> setOverbookingRatio(long hotelId, long roomTypeId, BigDecimal ratio) {
        return once(() -> inventoryCall().setOverbookingRatio(SetOverbookingRatioRequest.newBuilder()
                        .setHotelId(hotelId).setRoomTypeId(roomTypeId).setRatio(ratio.doubleValue()).build())
                .map(r -> ReservationMapper.ratio(r.getRatio())));
    }

    public Uni<Void> setMaintenance(long hotelId, long roomTypeId, DateSpan span, int rooms) {
        return once(() -> inventoryCall().setMaintenance(SetMaintenanceRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setDates(ReservationMapper.range(span)).setRooms(rooms).build())
                .replaceWithVoid());
    }

    // ---- plumbing

    /** Stubs whose calls carry the configured deadline (gRPC deadlines are per call, not per stub lifetime). */
    private MutinyReservationServiceGrpc.MutinyReservationServiceStub reservationCall() {
        return reservations.withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Bookings, cancellations, changes of stay and check-outs: they may wait for payment-svc's charge or refund. */
    private MutinyReservationServiceGrpc.MutinyReservationServiceStub bookingCall() {
        return reservations.withDeadlineAfter(guard.writeDeadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private MutinyInventoryServiceGrpc.MutinyInventoryServiceStub inventoryCall() {
        return inventory.withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    private static PageRequest page(PageQuery page) {
        return PageRequest.newBuilder().setPageSize(page.pageSize()).setPageToken(page.pageToken()).build();
    }

    private static boolean notFound(Throwable e) {
        return e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND;
    }

    /**
     * A call the guard may repeat when reservation-svc gave no answer (a read, or a write that is safe twice); its
     * failures in the edge's terms ({@link Downstream}).
     */
    private <T> Uni<T> retried(Supplier<Uni<T>> call) {
        return Downstream.RESERVATIONS.call(guard, Retry.WHEN_UNREACHABLE_OR_SLOW, call);
    }

    /** A write that must not run twice: never repeated. */
    private <T> Uni<T> once(Supplier<Uni<T>> call) {
        return Downstream.RESERVATIONS.call(guard, Retry.NEVER, call);
    }
}
