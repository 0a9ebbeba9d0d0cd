package org.hotelmesh.reservation.grpc;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import org.hotelmesh.proto.reservation.v1.CancelReservationRequest;
import org.hotelmesh.proto.reservation.v1.CancelReservationResponse;
import org.hotelmesh.proto.reservation.v1.ChangeStayRequest;
import org.hotelmesh.proto.reservation.v1.ChangeStayResponse;
import org.hotelmesh.proto.reservation.v1.CheckInRequest;
import org.hotelmesh.proto.reservation.v1.CheckInResponse;
import org.hotelmesh.proto.reservation.v1.CheckOutRequest;
import org.hotelmesh.proto.reservation.v1.CheckOutResponse;
import org.hotelmesh.proto.reservation.v1.CreateReservationRequest;
import org.hotelmesh.proto.reservation.v1.FreeRoom;
import org.hotelmesh.proto.reservation.v1.GetFrontDeskRequest;
import org.hotelmesh.proto.reservation.v1.GetFrontDeskResponse;
import org.hotelmesh.proto.reservation.v1.ListFreeRoomsRequest;
import org.hotelmesh.proto.reservation.v1.ListFreeRoomsResponse;
import org.hotelmesh.proto.reservation.v1.MoveRoomRequest;
import org.hotelmesh.proto.reservation.v1.MoveRoomResponse;
import org.hotelmesh.proto.reservation.v1.PreviewStayChangeResponse;
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
import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.service.CancellationPolicies;
import org.hotelmesh.reservation.service.FrontDesk;
import org.hotelmesh.reservation.service.StayChanges;
import org.hotelmesh.reservation.service.ReservationValidator;
import org.hotelmesh.reservation.service.Reservations;
import org.hotelmesh.store.StoreOutage;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.NotFound;
import org.hotelmesh.support.error.PermissionDenied;
import org.hotelmesh.reservation.config.SagaConfig;
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

    /** The guest id of a booking staff made for someone without an account: "desk:" and the reservation id. */
    public static final String DESK_GUEST = "desk:";

    private final Reservations reservations;
    private final CancellationPolicies policies;
    private final SagaConfig saga;
    private final Clock clock;
    private final FrontDesk frontDesk;
    private final StayChanges stayChanges;

    public ReservationGrpcService(Reservations reservations, CancellationPolicies policies, SagaConfig saga,
            Clock clock, FrontDesk frontDesk, StayChanges stayChanges) {
        this.frontDesk = frontDesk;
        this.stayChanges = stayChanges;
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

    /**
     * A guest books for themselves (held to their limits); staff of the hotel (or an administrator) book for a guest
     * they name ({@code guest_name}, and the guest's account when they have one); a tool books for the guest it names.
     * The reservation records who made it.
     */
    @Override
    public Uni<CreateReservationResponse> createReservation(CreateReservationRequest request) {
        return ERRORS.serve(() -> {
            Caller caller = Access.caller();
            boolean forAGuest = caller.endUser().map(user -> !user.isGuest()).orElse(false);
            BookingRequest booking;
            if (forAGuest) {
                caller.requireStaffOf(request.getHotelId());
                if (request.getGuestName().isBlank()) {
                    throw new InvalidInput("guestName", "is required when staff book for a guest: the name the"
                            + " reservation is under");
                }
                String guest = request.getGuestId().isEmpty() ? DESK_GUEST + request.getReservationId()
                        : request.getGuestId();
                booking = ReservationMapper.toDomain(request).bookedByStaff(caller.actor(), guest,
                        request.getGuestName());
            } else {
                String guest = caller.guest(request.getGuestId());
                booking = ReservationMapper.toDomain(request.toBuilder().setGuestId(guest).build());
                if (!caller.userFacing()) {
                    booking = booking.bookedByStaff(caller.actor(), guest, booking.guestName());
                }
            }
            return reservations.create(booking, caller.userFacing() && !forAGuest)
                    .map(r -> CreateReservationResponse.newBuilder().setReservation(view(r)).build());
        });
    }

    @Override
    public Uni<ChangeStayResponse> changeStay(ChangeStayRequest request) {
        return ERRORS.serve(() -> {
            Caller caller = Access.caller();
            return visible(caller, request.getReservationId())
                    .chain(r -> stayChanges.change(r, ReservationMapper.toDomain(request), caller.actor(),
                            caller.mayManage(r.hotelId()), caller.userFacing() && !caller.mayManage(r.hotelId())))
                    .map(outcome -> ChangeStayResponse.newBuilder().setReservation(view(outcome.reservation()))
                            .setChange(ReservationMapper.toProto(outcome.change())).build());
        });
    }

    @Override
    public Uni<PreviewStayChangeResponse> previewStayChange(ChangeStayRequest request) {
        return ERRORS.serve(() -> {
            Caller caller = Access.caller();
            return visible(caller, request.getReservationId())
                    .chain(r -> stayChanges.preview(r, ReservationMapper.toDomain(request),
                            caller.mayManage(r.hotelId())))
                    .map(preview -> {
                        String currency = preview.afterPrice().currency();
                        return PreviewStayChangeResponse.newBuilder()
                                .setBefore(ReservationMapper.toProto(preview.before(), currency))
                                .setAfter(ReservationMapper.toProto(preview.after(), currency))
                                .setDifference(ProtoTypes.money(preview.differenceMinor(), currency))
                                .build();
                    });
        });
    }

    @Override
    public Uni<GetFrontDeskResponse> getFrontDesk(GetFrontDeskRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            LocalDate date = request.hasDate() ? ProtoTypes.toLocalDate(request.getDate()) : null;
            if (request.hasDate() && date == null) {
                throw new InvalidInput("date", "is not a date");
            }
            return frontDesk.day(request.getHotelId(), date)
                    .map(day -> GetFrontDeskResponse.newBuilder()
                            .setDate(ReservationMapper.toProto(day.date()))
                            .addAllArrivals(day.arrivals().stream().map(this::view).toList())
                            .addAllCheckedInToday(day.checkedInToday().stream().map(this::view).toList())
                            .addAllInHouse(day.inHouse().stream().map(this::view).toList())
                            .addAllDepartures(day.departures().stream().map(this::view).toList())
                            .build());
        });
    }

    @Override
    public Uni<ListFreeRoomsResponse> listFreeRooms(ListFreeRoomsRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return frontDesk.freeRooms(request.getHotelId(), request.getRoomTypeId(),
                            ProtoTypes.startDate(request.getNights()), ProtoTypes.endDate(request.getNights()))
                    .map(rooms -> ListFreeRoomsResponse.newBuilder().addAllRooms(rooms.stream()
                            .map(room -> FreeRoom.newBuilder().setRoomId(room.id()).setNumber(room.number())
                                    .setFloor(room.floor()).build())
                            .toList()).build());
        });
    }

    @Override
    public Uni<CheckInResponse> checkIn(CheckInRequest request) {
        return ERRORS.serve(() -> {
            Caller caller = Access.caller();
            return managed(caller, request.getReservationId())
                    .chain(r -> frontDesk.checkIn(r, request.getRoomIdsList(), caller.actor()))
                    .map(r -> CheckInResponse.newBuilder().setReservation(view(r)).build());
        });
    }

    @Override
    public Uni<MoveRoomResponse> moveRoom(MoveRoomRequest request) {
        return ERRORS.serve(() -> {
            Caller caller = Access.caller();
            return managed(caller, request.getReservationId())
                    .chain(r -> frontDesk.moveRoom(r, request.getFromRoomId(), request.getToRoomId(),
                            caller.actor()))
                    .map(r -> MoveRoomResponse.newBuilder().setReservation(view(r)).build());
        });
    }

    @Override
    public Uni<CheckOutResponse> checkOut(CheckOutRequest request) {
        return ERRORS.serve(() -> {
            Caller caller = Access.caller();
            return managed(caller, request.getReservationId())
                    .chain(r -> frontDesk.checkOut(r, caller.actor()))
                    .map(out -> {
                        CheckOutResponse.Builder b = CheckOutResponse.newBuilder()
                                .setReservation(view(out.reservation()));
                        if (out.reservation().price() != null) {
                            b.setRefund(ProtoTypes.money(out.refundMinor(), out.reservation().price().currency()));
                        }
                        return b.build();
                    });
        });
    }

    /**
     * The reservation, if the caller may work on it at the front desk: staff of its hotel or an administrator. Anyone
     * else who may see it (its guest) is refused; one who may not see it is answered as for an unknown one.
     */
    private Uni<Reservation> managed(Caller caller, String reservationId) {
        return visible(caller, reservationId).invoke(r -> caller.requireStaffOf(r.hotelId()));
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
