package org.hotelmesh.reservation.grpc;

import java.time.Clock;
import java.time.Instant;

import org.hotelmesh.proto.reservation.v1.CancelReservationRequest;
import org.hotelmesh.proto.reservation.v1.CancelReservationResponse;
import org.hotelmesh.proto.reservation.v1.CreateReservationRequest;
import org.hotelmesh.proto.reservation.v1.CreateReservationResponse;
import org.hotelmesh.proto.reservation.v1.GetCancellationPolicyRequest;
import org.hotelmesh.proto.reservation.v1.GetCancellationPolicyResponse;
import org.hotelmesh.proto.reservation.v1.GetReservationRequest;
import org.hotelmesh.proto.reservation.v1.GetReservationResponse;
import org.hotelmesh.proto.reservation.v1.HasFutureReservationsRequest;
import org.hotelmesh.proto.reservation.v1.HasFutureReservationsResponse;
import org.hotelmesh.proto.reservation.v1.ListHotelReservationsRequest;
import org.hotelmesh.proto.reservation.v1.ListHotelReservationsResponse;
import org.hotelmesh.proto.reservation.v1.ListReservationsRequest;
import org.hotelmesh.proto.reservation.v1.ListReservationsResponse;
import org.hotelmesh.proto.reservation.v1.PreviewCancellationRequest;
import org.hotelmesh.proto.reservation.v1.PreviewCancellationResponse;
import org.hotelmesh.proto.reservation.v1.ReservationService;
import org.hotelmesh.proto.reservation.v1.SetCancellationPolicyRequest;
import org.hotelmesh.proto.reservation.v1.SetCancellationPolicyResponse;
import org.hotelmesh.reservation.domain.Reservation;
import org.hotelmesh.reservation.mapping.ReservationMapper;
import org.hotelmesh.reservation.service.CancellationPolicies;
import org.hotelmesh.reservation.service.ReservationValidator;
import org.hotelmesh.reservation.service.Reservations;
import org.hotelmesh.store.StoreOutage;
import org.hotelmesh.support.error.NotFound;
import org.hotelmesh.support.error.PermissionDenied;
import org.hotelmesh.reservation.config.SagaConfig;
import org.hotelmesh.reservation.domain.Reservation;
import org.hotelmesh.support.grpc.ErrorTranslator;
import org.hotelmesh.support.grpc.ProtoTypes;
import org.hotelmesh.support.identity.Access;
import org.hotelmesh.support.identity.Caller;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * The gRPC face of reservations: maps proto to domain and back; failures become statuses through the shared
 * {@link ErrorTranslator}. Who may call each method is {@link ReservationAccessPolicy}'s; the signed-in user's own
 * rights are checked here: whom a guest books and lists for, whose reservation a caller may see or cancel (another
 * guest's is answered as an unknown one), who may waive a fee. Who made a change is the verified caller, never a
 * request field.
 */
@GrpcService
public class ReservationGrpcService implements ReservationService {

    static final ErrorTranslator ERRORS = new ErrorTranslator("reservation", StoreOutage::detected);

    private final Reservations reservations;
    private final CancellationPolicies policies;
    private final SagaConfig saga;
    private final Clock clock;

    public ReservationGrpcService(Reservations reservations, CancellationPolicies policies, SagaConfig saga,
            Clock clock) {
        this.reservations = reservations;
        this.policies = policies;
        this.saga = saga;
        this.clock = clock;
    }

    private org.hotelmesh.proto.reservation.v1.Reservation view(Reservation r) {
        return ReservationMapper.toProto(r, refundOverdueBefore());
    }

    private Instant refundOverdueBefore() {
        return clock.instant().minus(saga.refundOverdueAfter());
    }

    @Override
    public Uni<CreateReservationResponse> createReservation(CreateReservationRequest request) {
        return ERRORS.serve(() -> {
            Caller caller = Access.caller();
            return reservations.create(ReservationMapper.toDomain(
                            request.toBuilder().setGuestId(caller.guest(request.getGuestId())).build()),
                    caller.userFacing())
                    .map(r -> CreateReservationResponse.newBuilder().setReservation(view(r)).build());
        });
    }

    @Override
    public Uni<GetReservationResponse> getReservation(GetReservationRequest request) {
        return ERRORS.serve(() -> visible(Access.caller(), request.getReservationId())
                .map(r -> GetReservationResponse.newBuilder().setReservation(view(r)).build()));
    }

    @Override
    public Uni<ListReservationsResponse> listReservations(ListReservationsRequest request) {
        return ERRORS.serve(() -> reservations.listForGuest(Access.caller().guest(request.getGuestId()),
                        ReservationMapper.toDomain(request.getWhen()),
                        ReservationValidator.page(request.getPage().getPageSize(), request.getPage().getPageToken()))
                .map(page -> ListReservationsResponse.newBuilder()
                        .addAllReservations(page.items().stream().map(this::view).toList())
                        .setPage(ReservationMapper.toPageInfo(page))
                        .build()));
    }

    @Override
    public Uni<ListHotelReservationsResponse> listHotelReservations(ListHotelReservationsRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return reservations.listForHotel(request.getHotelId(),
                            ReservationMapper.toDomain(request.getWhen()),
                            ReservationValidator.page(request.getPage().getPageSize(), request.getPage().getPageToken()))
                    .map(page -> ListHotelReservationsResponse.newBuilder()
                            .addAllReservations(page.items().stream().map(this::view).toList())
                            .setPage(ReservationMapper.toPageInfo(page))
                            .build());
        });
    }

    @Override
    public Uni<CancelReservationResponse> cancelReservation(CancelReservationRequest request) {
        return ERRORS.serve(() -> {
            Caller caller = Access.caller();
            return visible(caller, request.getReservationId())
                    .invoke(r -> mayWaive(caller, r, request.getWaiveFee()))
                    .chain(r -> reservations.cancel(r.reservationId(), caller.actor(), request.getWaiveFee(),
                            caller.mayManage(r.hotelId())))
                    .map(outcome -> ReservationMapper.toCancelResponse(outcome.reservation(), refundOverdueBefore()));
        });
    }

    @Override
    public Uni<PreviewCancellationResponse> previewCancellation(PreviewCancellationRequest request) {
        return ERRORS.serve(() -> {
            Caller caller = Access.caller();
            return visible(caller, request.getReservationId())
                    .invoke(r -> mayWaive(caller, r, request.getWaiveFee()))
                    .chain(r -> reservations.previewCancellation(r.reservationId(), request.getWaiveFee(),
                            caller.mayManage(r.hotelId())))
                    .map(terms -> PreviewCancellationResponse.newBuilder()
                            .setRefund(ProtoTypes.money(terms.refundMinor(), terms.currency()))
                            .setFee(ProtoTypes.money(terms.feeMinor(), terms.currency()))
                            .setPolicy(terms.policy())
                            .build());
        });
    }

    @Override
    public Uni<HasFutureReservationsResponse> hasFutureReservations(HasFutureReservationsRequest request) {
        return ERRORS.serve(() -> reservations.hasFutureReservations(request.getHotelId())
                .map(has -> HasFutureReservationsResponse.newBuilder().setHasFutureReservations(has).build()));
    }

    @Override
    public Uni<GetCancellationPolicyResponse> getCancellationPolicy(GetCancellationPolicyRequest request) {
        return ERRORS.serve(() -> policies.get(request.getHotelId())
                .map(effective -> GetCancellationPolicyResponse.newBuilder()
                        .setPolicy(ReservationMapper.toProto(effective.policy()))
                        .setSource(effective.own() ? "hotel" : "default")
                        .build()));
    }

    @Override
    public Uni<SetCancellationPolicyResponse> setCancellationPolicy(SetCancellationPolicyRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return policies.set(request.getHotelId(), request.getPolicy().getFreeUntilDays(),
                            ReservationMapper.toDomain(request.getPolicy().getFee()), request.getPolicy().getFeePercent())
                    .map(policy -> SetCancellationPolicyResponse.newBuilder()
                            .setPolicy(ReservationMapper.toProto(policy)).build());
        });
    }

    /** The reservation, if the caller may see it; another guest's is answered exactly like an unknown one. */
    private Uni<Reservation> visible(Caller caller, String reservationId) {
        return reservations.get(reservationId).invoke(r -> {
            if (!caller.maySee(r.guestId(), r.hotelId())) {
                throw NotFound.reservation(reservationId);
            }
        });
    }

    private static void mayWaive(Caller caller, Reservation reservation, boolean waiveFee) {
        if (waiveFee && !caller.mayManage(reservation.hotelId())) {
            throw new PermissionDenied("only staff of hotel " + reservation.hotelId()
                    + " or an administrator may waive the cancellation fee");
        }
    }
}
