package org.hotelmesh.reservation.mapping;

import static org.hotelmesh.support.grpc.ProtoTypes.endDate;
import static org.hotelmesh.support.grpc.ProtoTypes.money;
import static org.hotelmesh.support.grpc.ProtoTypes.startDate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.common.v1.PageInfo;
import org.hotelmesh.proto.reservation.v1.CancelReservationResponse;
import org.hotelmesh.proto.reservation.v1.CancellationFee;
import org.hotelmesh.proto.reservation.v1.ChangeState;
import org.hotelmesh.proto.reservation.v1.ChangeStayRequest;
import org.hotelmesh.proto.reservation.v1.CreateReservationRequest;
import org.hotelmesh.proto.reservation.v1.InventoryRow;
import org.hotelmesh.proto.reservation.v1.StockRow;
import org.hotelmesh.proto.reservation.v1.NightPrice;
import org.hotelmesh.proto.reservation.v1.PaymentState;
import org.hotelmesh.proto.reservation.v1.RefundState;
import org.hotelmesh.proto.reservation.v1.ReservationPayment;
import org.hotelmesh.proto.reservation.v1.ReservationStatus;
import org.hotelmesh.proto.reservation.v1.RoomAssignment;
import org.hotelmesh.proto.reservation.v1.RoomTypeAvailability;
import org.hotelmesh.proto.reservation.v1.StatusChange;
import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.domain.CancellationPolicy;
import org.hotelmesh.reservation.domain.ChangeRequest;
import org.hotelmesh.reservation.domain.InventoryNight;
import org.hotelmesh.reservation.domain.StockNight;
import org.hotelmesh.reservation.domain.NightAvailability;
import org.hotelmesh.reservation.domain.Page;
import org.hotelmesh.reservation.domain.PaymentInfo;
import org.hotelmesh.reservation.domain.Reservation;
import org.hotelmesh.reservation.domain.StayChange;
import org.hotelmesh.reservation.domain.StayPrice;
import org.hotelmesh.reservation.domain.StayTerms;
import org.hotelmesh.reservation.domain.TimeFilter;
import org.hotelmesh.support.grpc.ProtoTypes;

/** Proto <-> domain. An unset or impossible date becomes null, which the validator reports by field name. */
public final class ReservationMapper {

    private ReservationMapper() {
    }

    /** A guest's own booking (booked by them); staff booking for a guest make it {@code bookedByStaff}. */
    public static BookingRequest toDomain(CreateReservationRequest in) {
        return new BookingRequest(in.getReservationId(), in.getHotelId(), in.getRoomTypeId(),
                startDate(in.getStay()), endDate(in.getStay()), in.getRooms(), in.getGuestId(),
                in.getQuoteId().isEmpty() ? null : in.getQuoteId(), in.getPaymentToken(), null, false,
                in.getGuestId(), in.getGuestName().isEmpty() ? null : in.getGuestName());
    }

    public static ChangeRequest toDomain(ChangeStayRequest in) {
        return new ChangeRequest(in.getReservationId(), in.getChangeId(), in.getRoomTypeId(),
                in.hasStay() && in.getStay().hasStartDate() ? startDate(in.getStay()) : null,
                in.hasStay() && in.getStay().hasEndDate() ? endDate(in.getStay()) : null, in.getRooms(),
                in.getPaymentToken(), in.getQuoteId().isEmpty() ? null : in.getQuoteId());
    }

    public static org.hotelmesh.proto.reservation.v1.StayTerms toProto(StayTerms terms, String currency) {
        return org.hotelmesh.proto.reservation.v1.StayTerms.newBuilder()
                .setRoomTypeId(terms.roomTypeId())
                .setStay(ProtoTypes.range(terms.startDate(), terms.endDate()))
                .setRooms(terms.rooms())
                .setTotal(money(terms.totalMinor(), currency))
                .build();
    }

    public static org.hotelmesh.proto.reservation.v1.StayChange toProto(StayChange c) {
        org.hotelmesh.proto.reservation.v1.StayChange.Builder b = org.hotelmesh.proto.reservation.v1.StayChange
                .newBuilder()
                .setChangeId(c.changeId())
                .setBy(c.by())
                .setBefore(toProto(c.before(), c.currency()))
                .setAfter(toProto(c.after(), c.currency()))
                .setDifference(money(c.differenceMinor(), c.currency()))
                .setState(switch (c.state()) {
                    case CHARGING -> ChangeState.CHANGE_CHARGING;
                    case APPLIED -> ChangeState.CHANGE_APPLIED;
                    case DECLINED -> ChangeState.CHANGE_DECLINED;
                    case SOLD_OUT -> ChangeState.CHANGE_SOLD_OUT;
                })
                .setRefundState(toProto(c.refundState()));
        if (c.at() != null) {
            b.setAt(c.at().toString());
        }
        if (c.declineCode() != null) {
            b.setDeclineCode(c.declineCode());
        }
        return b.build();
    }

    private static RefundState toProto(org.hotelmesh.reservation.domain.RefundState state) {
        return switch (state) {
            case NONE -> RefundState.REFUND_STATE_NONE;
            case REQUESTED -> RefundState.REFUND_STATE_REQUESTED;
            case REFUNDED -> RefundState.REFUND_STATE_REFUNDED;
            case FAILED -> RefundState.REFUND_STATE_FAILED;
        };
    }

    public static Date toProto(LocalDate date) {
        return ProtoTypes.toProto(date);
    }

    public static TimeFilter toDomain(org.hotelmesh.proto.reservation.v1.TimeFilter when) {
        return switch (when) {
            case UPCOMING -> TimeFilter.UPCOMING;
            case PAST -> TimeFilter.PAST;
            default -> TimeFilter.ALL;
        };
    }

    public static ReservationStatus toProto(org.hotelmesh.reservation.domain.ReservationStatus status) {
        return switch (status) {
            case PENDING -> ReservationStatus.PENDING;
            case PAID -> ReservationStatus.PAID;
            case REJECTED -> ReservationStatus.REJECTED;
            case CANCELED -> ReservationStatus.CANCELED;
            case REFUNDED -> ReservationStatus.REFUNDED;
            case CHECKED_IN -> ReservationStatus.CHECKED_IN;
            case CHECKED_OUT -> ReservationStatus.CHECKED_OUT;
            case NO_SHOW -> ReservationStatus.NO_SHOW;
        };
    }

    /**
     * {@code refundOverdueBefore}: a refund still not confirmed that was asked for before this instant is overdue
     * (flagged for staff).
     */
    public static org.hotelmesh.proto.reservation.v1.Reservation toProto(Reservation r, Instant refundOverdueBefore) {
        org.hotelmesh.proto.reservation.v1.Reservation.Builder b = org.hotelmesh.proto.reservation.v1.Reservation
                .newBuilder()
                .setReservationId(r.reservationId())
                .setHotelId(r.hotelId())
                .setRoomTypeId(r.roomTypeId())
                .setStay(DateRange.newBuilder().setStartDate(toProto(r.startDate())).setEndDate(toProto(r.endDate())))
                .setRooms(r.rooms())
                .setGuestId(r.guestId())
                .setStatus(toProto(r.status()))
                .setCreatedAt(r.createdAt().toString());
        if (r.price() != null) {
            StayPrice price = r.price();
            b.setTotal(money(price.totalMinor(), price.currency()));
            LocalDate night = r.startDate();
            for (long amount : price.nightlyMinor()) {
                b.addNights(NightPrice.newBuilder().setDate(toProto(night)).setPrice(money(amount, price.currency())));
                night = night.plusDays(1);
            }
        }
        if (r.quoteId() != null) {
            b.setQuoteId(r.quoteId());
        }
        ReservationPayment payment = toProto(r.payment(), r.price() == null ? null : r.price().currency(),
                r.status() == org.hotelmesh.reservation.domain.ReservationStatus.PENDING);
        if (r.payment().refundState() == org.hotelmesh.reservation.domain.RefundState.REQUESTED
                && !r.history().isEmpty()) {
            // the refund was asked for by the reservation's last change (its cancellation, or its end before capture)
            Instant requestedAt = r.history().get(r.history().size() - 1).at();
            payment = payment.toBuilder().setRefundRequestedAt(requestedAt.toString())
                    .setRefundOverdue(requestedAt.isBefore(refundOverdueBefore)).build();
        }
        b.setPayment(payment);
        if (r.cancellationPolicy() != null) {
            b.setCancellationPolicy(toProto(r.cancellationPolicy()));
        }
        r.history().forEach(change -> b.addHistory(StatusChange.newBuilder().setStatus(toProto(change.status()))
                .setAt(change.at().toString()).setBy(change.by())));
        b.setBookedBy(r.bookedBy());
        if (r.guestName() != null) {
            b.setGuestName(r.guestName());
        }
        if (r.releasedFrom() != null) {
            b.setReleasedFrom(toProto(r.releasedFrom()));
        }
        r.assignments().forEach(a -> b.addRoomAssignments(RoomAssignment.newBuilder().setRoomId(a.roomId())
                .setRoomNumber(a.roomNumber()).setNights(ProtoTypes.range(a.from(), a.to())).setOutOfService(a.outOfService())));
        r.changes().forEach(c -> b.addChanges(toProto(c)));
        return b.build();
    }

    /** {@code holding}: the reservation is pending, so when its hold ends matters (afterwards it is history). */
    public static ReservationPayment toProto(PaymentInfo p, String currency, boolean holding) {
        ReservationPayment.Builder b = ReservationPayment.newBuilder()
                .setState(switch (p.state()) {
                    case NONE -> PaymentState.PAYMENT_STATE_NONE;
                    case CHARGING -> PaymentState.PAYMENT_STATE_CHARGING;
                    case CAPTURED -> PaymentState.PAYMENT_STATE_CAPTURED;
                    case DECLINED -> PaymentState.PAYMENT_STATE_DECLINED;
                    case FAILED -> PaymentState.PAYMENT_STATE_FAILED;
                })
                .setRefundState(toProto(p.refundState()));
        if (p.declineCode() != null) {
            b.setDeclineCode(p.declineCode());
        }
        if (p.paymentId() != null) {
            b.setPaymentId(p.paymentId());
        }
        if (p.refundMinor() != null) {
            b.setRefund(money(p.refundMinor(), currency));
        }
        if (p.feeMinor() != null) {
            b.setFee(money(p.feeMinor(), currency));
        }
        if (holding && p.holdExpiresAt() != null) {
            b.setHoldExpiresAt(p.holdExpiresAt().toString());
        }
        return b.build();
    }

    public static org.hotelmesh.proto.reservation.v1.CancellationPolicy toProto(CancellationPolicy policy) {
        return org.hotelmesh.proto.reservation.v1.CancellationPolicy.newBuilder()
                .setFreeUntilDays(policy.freeUntilDays())
                .setFee(policy.fee() == CancellationPolicy.Fee.FIRST_NIGHT ? CancellationFee.FIRST_NIGHT
                        : CancellationFee.PERCENTAGE)
                .setFeePercent(policy.feePercent() == null ? 0 : policy.feePercent())
                .setTerms(policy.terms())
                .build();
    }

    /** An unset fee is null, which the validator reports as missing. */
    public static CancellationPolicy.Fee toDomain(CancellationFee fee) {
        return switch (fee) {
            case FIRST_NIGHT -> CancellationPolicy.Fee.FIRST_NIGHT;
            case PERCENTAGE -> CancellationPolicy.Fee.PERCENTAGE;
            default -> null;
        };
    }

    /** The reservation after a cancel, with the refund and fee when it had been paid. */
    public static CancelReservationResponse toCancelResponse(Reservation r, Instant refundOverdueBefore) {
        CancelReservationResponse.Builder b = CancelReservationResponse.newBuilder()
                .setReservation(toProto(r, refundOverdueBefore));
        if (r.status() == org.hotelmesh.reservation.domain.ReservationStatus.REFUNDED && r.price() != null) {
            String currency = r.price().currency();
            b.setRefund(money(r.payment().refundMinor() == null ? 0 : r.payment().refundMinor(), currency));
            b.setFee(money(r.payment().feeMinor() == null ? 0 : r.payment().feeMinor(), currency));
        }
        return b.build();
    }

    public static PageInfo toPageInfo(Page<?> page) {
        return PageInfo.newBuilder().setNextPageToken(page.nextPageToken()).setTotalSize(page.totalSize()).build();
    }

    public static List<RoomTypeAvailability> toProto(Map<Long, List<NightAvailability>> availability) {
        return availability.entrySet().stream().map(e -> {
            RoomTypeAvailability.Builder b = RoomTypeAvailability.newBuilder().setRoomTypeId(e.getKey());
            e.getValue().forEach(n -> {
                org.hotelmesh.proto.reservation.v1.NightAvailability.Builder night =
                        org.hotelmesh.proto.reservation.v1.NightAvailability.newBuilder()
                                .setDate(toProto(n.date())).setRemaining(n.remaining());
                if (n.totalInventory() != null) {
                    night.setTotalInventory(n.totalInventory());
                }
                if (n.totalReserved() != null) {
                    night.setTotalReserved(n.totalReserved());
                }
                b.addNights(night);
            });
            return b.build();
        }).toList();
    }

    public static InventoryRow toProto(InventoryNight n) {
        return InventoryRow.newBuilder()
                .setDate(toProto(n.date()))
                .setTotalInventory(n.totalInventory())
                .setTotalReserved(n.totalReserved())
                .setOverbookingRatio(n.overbookingRatio().doubleValue())
                .setSellableLimit(n.sellableLimit())
                .setMaintenance(n.maintenance())
                .setVersion(n.version())
                .build();
    }

    public static StockRow toProto(StockNight n) {
        return StockRow.newBuilder()
                .setHotelId(n.hotelId())
                .setRoomTypeId(n.roomTypeId())
                .setDate(toProto(n.date()))
                .setRemaining(n.remaining())
                .setTotalInventory(n.totalInventory())
                .setTotalReserved(n.totalReserved())
                .build();
    }
}
