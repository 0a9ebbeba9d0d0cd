package org.hotelmesh.edge.mapping;

import org.hotelmesh.edge.api.AvailabilityDto;
import org.hotelmesh.edge.api.CancellationPolicyDto;
import org.hotelmesh.edge.api.CancellationPolicyInput;
import org.hotelmesh.edge.api.HotelCancellationPolicyDto;
import org.hotelmesh.edge.api.CancellationDto;
import org.hotelmesh.edge.api.CheckOutDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.FreeRoomsDto;
import org.hotelmesh.edge.api.FrontDeskDto;
import org.hotelmesh.edge.api.InventoryDto;
import org.hotelmesh.edge.api.MoneyDto;
import org.hotelmesh.edge.api.NewReservation;
import org.hotelmesh.edge.api.NewStayChange;
import org.hotelmesh.edge.api.NightPriceDto;
import org.hotelmesh.edge.api.PaymentDto;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.edge.api.RoomAssignmentDto;
import org.hotelmesh.edge.api.StatusChangeDto;
import org.hotelmesh.edge.api.StayChangeDto;
import org.hotelmesh.edge.api.StayChangePreviewDto;
import org.hotelmesh.edge.api.StayChangeResultDto;
import org.hotelmesh.edge.api.StayTermsDto;
import org.hotelmesh.edge.api.When;
import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.reservation.v1.CancellationFee;
import org.hotelmesh.proto.reservation.v1.CancellationPolicy;
import org.hotelmesh.proto.reservation.v1.ChangeStayRequest;
import org.hotelmesh.proto.reservation.v1.ChangeStayResponse;
import org.hotelmesh.proto.reservation.v1.CheckOutResponse;
import org.hotelmesh.proto.reservation.v1.CreateReservationRequest;
import org.hotelmesh.proto.reservation.v1.GetAvailabilityResponse;
import org.hotelmesh.proto.reservation.v1.GetFrontDeskResponse;
import org.hotelmesh.proto.reservation.v1.InventoryRow;
import org.hotelmesh.proto.reservation.v1.ListFreeRoomsResponse;
import org.hotelmesh.proto.reservation.v1.PreviewCancellationResponse;
import org.hotelmesh.proto.reservation.v1.PreviewStayChangeResponse;
import org.hotelmesh.proto.reservation.v1.RefundState;
import org.hotelmesh.proto.reservation.v1.Reservation;
import org.hotelmesh.proto.reservation.v1.ReservationPayment;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.proto.reservation.v1.RoomAssignment;
import org.hotelmesh.proto.reservation.v1.StayChange;
import org.hotelmesh.proto.reservation.v1.StayTerms;
import org.hotelmesh.proto.reservation.v1.TimeFilter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Reservation and inventory proto messages <-> API records. */
public final class ReservationMapper {

    private ReservationMapper() {
    }

    public static ReservationDto toDto(Reservation r) {
        String currency = r.getTotal().getCurrency();
        return new ReservationDto(
                r.getReservationId(),
                String.valueOf(r.getHotelId()),
                String.valueOf(r.getRoomTypeId()),
                date(r.getStay().getStartDate()),
                date(r.getStay().getEndDate()),
                r.getRooms(),
                emptyToNull(r.getGuestId()), // a stay staff booked for a guest without an account has none
                status(r.getStatus()),
                r.hasTotal() && !currency.isEmpty() ? money(r.getTotal()) : null,
                r.getNightsList().stream().map(n -> new NightPriceDto(date(n.getDate()),
                        n.getPrice().getAmountMinor(), n.getPrice().getCurrency())).toList(),
                r.getHistoryList().stream().map(h -> new StatusChangeDto(status(h.getStatus()), h.getAt(),
                        emptyToNull(h.getBy()))).toList(),
                emptyToNull(r.getCreatedAt()),
                emptyToNull(r.getQuoteId()),
                r.hasPayment() ? toDto(r.getPayment()) : null,
                r.hasCancellationPolicy() ? toDto(r.getCancellationPolicy()) : null,
                r.getRoomAssignmentsList().stream().map(ReservationMapper::toDto).toList(),
                emptyToNull(r.getBookedBy()),
                emptyToNull(r.getGuestName()),
                r.getChangesList().stream().map(ReservationMapper::toDto).toList(),
                r.hasReleasedFrom() ? date(r.getReleasedFrom()) : null);
    }

    static RoomAssignmentDto toDto(RoomAssignment a) {
        return new RoomAssignmentDto(String.valueOf(a.getRoomId()), a.getRoomNumber(),
                a.getNights().hasStartDate() ? date(a.getNights().getStartDate()) : null,
                a.getNights().hasEndDate() ? date(a.getNights().getEndDate()) : null,
                a.getOutOfService());
    }

    static StayChangeDto toDto(StayChange c) {
        return new StayChangeDto(c.getChangeId(), emptyToNull(c.getBy()), emptyToNull(c.getAt()),
                c.hasBefore() ? toDto(c.getBefore()) : null,
                c.hasAfter() ? toDto(c.getAfter()) : null,
                c.hasDifference() ? optionalMoney(c.getDifference()) : null,
                switch (c.getState()) {
                    case CHANGE_CHARGING -> "charging";
                    case CHANGE_APPLIED -> "applied";
                    case CHANGE_DECLINED -> "declined";
                    case CHANGE_SOLD_OUT -> "sold_out";
                    default -> "unknown";
                },
                emptyToNull(c.getDeclineCode()),
                // nothing refunded (or nothing to say yet) is null rather than "unknown"
                c.getRefundState() == RefundState.REFUND_STATE_UNSPECIFIED ? null
                        : lower(c.getRefundState().name(), "REFUND_STATE_"));
    }

    static StayTermsDto toDto(StayTerms t) {
        return new StayTermsDto(String.valueOf(t.getRoomTypeId()),
                t.getStay().hasStartDate() ? date(t.getStay().getStartDate()) : null,
                t.getStay().hasEndDate() ? date(t.getStay().getEndDate()) : null,
                t.getRooms(),
                t.hasTotal() ? optionalMoney(t.getTotal()) : null);
    }

    public static FrontDeskDto toDto(GetFrontDeskResponse r) {
        return new FrontDeskDto(r.hasDate() ? date(r.getDate()) : null, toDtos(r.getArrivalsList()),
                toDtos(r.getCheckedInTodayList()), toDtos(r.getInHouseList()), toDtos(r.getDeparturesList()));
    }

    public static FreeRoomsDto toDto(ListFreeRoomsResponse r) {
        return new FreeRoomsDto(r.getRoomsList().stream()
                .map(room -> new FreeRoomsDto.FreeRoom(String.valueOf(room.getRoomId()), room.getNumber(),
                        room.getFloor()))
                .toList());
    }

    public static CheckOutDto toDto(CheckOutResponse r) {
        return new CheckOutDto(toDto(r.getReservation()), r.hasRefund() ? optionalMoney(r.getRefund()) : null);
    }

    public static StayChangeResultDto toDto(ChangeStayResponse r) {
        return new StayChangeResultDto(toDto(r.getReservation()), r.hasChange() ? toDto(r.getChange()) : null);
    }

    public static StayChangePreviewDto toDto(PreviewStayChangeResponse r) {
        return new StayChangePreviewDto(r.hasBefore() ? toDto(r.getBefore()) : null,
                r.hasAfter() ? toDto(r.getAfter()) : null,
                r.hasDifference() ? optionalMoney(r.getDifference()) : null);
    }

    private static List<ReservationDto> toDtos(List<Reservation> reservations) {
        return reservations.stream().map(ReservationMapper::toDto).toList();
    }

    /** A change of stay (or its preview): what is left out is sent unset, which reservation-svc reads as unchanged. */
    public static ChangeStayRequest toProto(NewStayChange in) {
        ChangeStayRequest.Builder request = ChangeStayRequest.newBuilder()
                .setReservationId(in.reservationID())
                .setRoomTypeId(in.roomTypeID())
                .setRooms(in.rooms());
        if (in.changeID() != null) {
            request.setChangeId(in.changeID());
        }
        if (in.stay() != null) {
            request.setStay(range(in.stay()));
        }
        if (in.paymentToken() != null) {
            request.setPaymentToken(in.paymentToken());
        }
        if (in.quoteID() != null) {
            request.setQuoteId(in.quoteID());
        }
        return request.build();
    }

    static PaymentDto toDto(ReservationPayment p) {
        return new PaymentDto(
                lower(p.getState().name(), "PAYMENT_STATE_"),
                emptyToNull(p.getDeclineCode()),
                emptyToNull(p.getPaymentId()),
                p.hasRefund() ? optionalMoney(p.getRefund()) : null,
                p.hasFee() ? optionalMoney(p.getFee()) : null,
                lower(p.getRefundState().name(), "REFUND_STATE_"),
                emptyToNull(p.getHoldExpiresAt()),
                emptyToNull(p.getRefundRequestedAt()),
                p.getRefundRequestedAt().isEmpty() ? null : p.getRefundOverdue());
    }

    public static CancellationPolicyDto toDto(CancellationPolicy p) {
        return new CancellationPolicyDto(p.getFreeUntilDays(), fee(p.getFee()),
                p.getFee() == CancellationFee.PERCENTAGE ? p.getFeePercent() : null, p.getTerms());
    }

    public static HotelCancellationPolicyDto toDto(long hotelId, String source, CancellationPolicy p) {
        CancellationPolicyDto policy = toDto(p);
        return new HotelCancellationPolicyDto(String.valueOf(hotelId), source, policy.freeUntilDays(), policy.fee(),
                policy.feePercent(), policy.terms());
    }

    public static CancellationPolicy toProto(CancellationPolicyInput in) {
        return CancellationPolicy.newBuilder()
                .setFreeUntilDays(in.freeUntilDays())
                .setFee("percentage".equals(in.fee()) ? CancellationFee.PERCENTAGE : CancellationFee.FIRST_NIGHT)
                .setFeePercent(in.feePercent() == null ? 0 : in.feePercent())
                .build();
    }

    private static String fee(CancellationFee fee) {
        return switch (fee) {
            case FIRST_NIGHT -> "first_night";
            case PERCENTAGE -> "percentage";
            default -> "unknown";
        };
    }

    /** PAYMENT_STATE_CAPTURED -> captured; an unset or unknown value -> unknown. */
    private static String lower(String name, String prefix) {
        String value = name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        return value.equals("UNSPECIFIED") || value.equals("UNRECOGNIZED") ? "unknown"
                : value.toLowerCase(Locale.ROOT);
    }

    public static CreateReservationRequest toProto(NewReservation in) {
        CreateReservationRequest.Builder request = CreateReservationRequest.newBuilder()
                .setReservationId(in.reservationID())
                .setHotelId(in.hotelID())
                .setRoomTypeId(in.roomTypeID())
                .setStay(range(new DateSpan(in.startDate(), in.endDate())))
                .setRooms(in.rooms());
        if (in.guestID() != null) {
            request.setGuestId(in.guestID());
        }
        if (in.guestName() != null) {
            request.setGuestName(in.guestName());
        }
        if (in.quoteID() != null) {
            request.setQuoteId(in.quoteID());
        }
        if (in.paymentToken() != null) {
            request.setPaymentToken(in.paymentToken());
        }
        return request.build();
    }

    public static CancellationDto toDto(PreviewCancellationResponse r) {
        return new CancellationDto(r.hasRefund() ? optionalMoney(r.getRefund()) : null,
                r.hasFee() ? optionalMoney(r.getFee()) : null, r.getPolicy());
    }

    public static AvailabilityDto toDto(long hotelId, DateSpan span, GetAvailabilityResponse r) {
        return new AvailabilityDto(String.valueOf(hotelId), span.startDate().toString(), span.endDate().toString(),
                r.getRoomTypesList().stream().map(rt -> new AvailabilityDto.RoomTypeAvailability(
                        String.valueOf(rt.getRoomTypeId()),
                        rt.getNightsList().stream()
                                .map(n -> new AvailabilityDto.Night(date(n.getDate()), n.getRemaining()))
                                .toList()))
                        .toList());
    }

    public static InventoryDto.Row toDto(InventoryRow row) {
        return new InventoryDto.Row(date(row.getDate()), row.getTotalInventory(), row.getTotalReserved(),
                ratio(row.getOverbookingRatio()), row.getSellableLimit(), row.getMaintenance(), row.getVersion());
    }

    /** Ratios are stored with two decimals; a double's noise (1.1000000000000001) must not reach the client. */
    public static BigDecimal ratio(double ratio) {
        return BigDecimal.valueOf(ratio).setScale(2, RoundingMode.HALF_UP);
    }

    public static TimeFilter toProto(When when) {
        return switch (when) {
            case UPCOMING -> TimeFilter.UPCOMING;
            case PAST -> TimeFilter.PAST;
            case ALL -> TimeFilter.TIME_FILTER_UNSPECIFIED;
        };
    }

    public static DateRange range(DateSpan span) {
        return DateRange.newBuilder().setStartDate(toProto(span.startDate())).setEndDate(toProto(span.endDate()))
                .build();
    }

    public static Date toProto(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue()).setDay(date.getDayOfMonth())
                .build();
    }

    public static String date(Date d) {
        return LocalDate.of(d.getYear(), d.getMonth(), d.getDay()).toString();
    }

    static String status(ReservationStatus status) {
        return status == ReservationStatus.RESERVATION_STATUS_UNSPECIFIED || status == ReservationStatus.UNRECOGNIZED
                ? "unknown" : status.name().toLowerCase(Locale.ROOT);
    }

    public static MoneyDto money(Money m) {
        return new MoneyDto(m.getAmountMinor(), m.getCurrency());
    }

    /** An amount without a currency is nothing priced yet (proto3 cannot say null). */
    private static MoneyDto optionalMoney(Money m) {
        return m.getCurrency().isEmpty() ? null : money(m);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
