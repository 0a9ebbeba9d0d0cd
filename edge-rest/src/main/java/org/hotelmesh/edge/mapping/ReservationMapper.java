package org.hotelmesh.edge.mapping;

import org.hotelmesh.edge.api.AvailabilityDto;
import org.hotelmesh.edge.api.CancellationPolicyDto;
import org.hotelmesh.edge.api.CancellationPolicyInput;
import org.hotelmesh.edge.api.HotelCancellationPolicyDto;
import org.hotelmesh.edge.api.CancellationDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.InventoryDto;
import org.hotelmesh.edge.api.MoneyDto;
import org.hotelmesh.edge.api.NewReservation;
import org.hotelmesh.edge.api.NightPriceDto;
import org.hotelmesh.edge.api.PaymentDto;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.edge.api.StatusChangeDto;
import org.hotelmesh.edge.api.When;
import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.reservation.v1.CancellationFee;
import org.hotelmesh.proto.reservation.v1.CancellationPolicy;
import org.hotelmesh.proto.reservation.v1.CreateReservationRequest;
import org.hotelmesh.proto.reservation.v1.GetAvailabilityResponse;
import org.hotelmesh.proto.reservation.v1.InventoryRow;
import org.hotelmesh.proto.reservation.v1.PreviewCancellationResponse;
import org.hotelmesh.proto.reservation.v1.Reservation;
import org.hotelmesh.proto.reservation.v1.ReservationPayment;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.proto.reservation.v1.TimeFilter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
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
                r.getGuestId(),
                status(r.getStatus()),
                r.hasTotal() && !currency.isEmpty() ? money(r.getTotal()) : null,
                r.getNightsList().stream().map(n -> new NightPriceDto(date(n.getDate()),
                        n.getPrice().getAmountMinor(), n.getPrice().getCurrency())).toList(),
                r.getHistoryList().stream().map(h -> new StatusChangeDto(status(h.getStatus()), h.getAt())).toList(),
                emptyToNull(r.getCreatedAt()),
                emptyToNull(r.getQuoteId()),
                r.hasPayment() ? toDto(r.getPayment()) : null,
                r.hasCancellationPolicy() ? toDto(r.getCancellationPolicy()) : null);
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
                .setRooms(in.rooms())
                .setGuestId(in.guestID());
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

    static Date toProto(LocalDate date) {
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

    private static MoneyDto money(Money m) {
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
