package org.hotelmesh.payment.mapping;

import org.hotelmesh.payment.domain.ChargeCommand;
import org.hotelmesh.payment.domain.Payment;
import org.hotelmesh.payment.domain.Refund;
import org.hotelmesh.payment.domain.RefundCommand;
import org.hotelmesh.payment.domain.RefundResult;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.payment.v1.ChargeRequest;
import org.hotelmesh.proto.payment.v1.PaymentStatus;
import org.hotelmesh.proto.payment.v1.RefundOutcome;
import org.hotelmesh.proto.payment.v1.RefundRequest;
import org.hotelmesh.proto.payment.v1.RefundResponse;

/** Payment proto messages <-> domain. */
public final class PaymentMapper {

    private PaymentMapper() {
    }

    public static ChargeCommand toDomain(ChargeRequest in) {
        return new ChargeCommand(in.getReservationId(), in.getChargeId(), in.getAmount().getAmountMinor(),
                in.getAmount().getCurrency(), in.getPaymentToken());
    }

    public static RefundCommand toDomain(RefundRequest in) {
        return new RefundCommand(in.getReservationId(), in.getRefundId(), in.getAmount().getAmountMinor(),
                in.getAmount().getCurrency(), in.getReason());
    }

    public static org.hotelmesh.proto.payment.v1.Payment toProto(Payment p) {
        var out = org.hotelmesh.proto.payment.v1.Payment.newBuilder()
                .setPaymentId(p.paymentId())
                .setReservationId(p.reservationId())
                .setChargeId(p.chargeId())
                .setAmount(money(p.amountMinor(), p.currency()))
                .setRefunded(money(p.refundedMinor(), p.currency()))
                .setStatus(status(p))
                .setCreatedAt(p.createdAt().toString());
        if (p.declineCode() != null) {
            out.setDeclineCode(p.declineCode());
        }
        if (p.paymentMethod() != null) {
            out.setPaymentMethod(p.paymentMethod());
        }
        if (p.refundReason() != null) {
            out.setRefundReason(p.refundReason());
        }
        if (p.refundRequestedAt() != null) {
            out.setRefundRequestedAt(p.refundRequestedAt().toString());
        }
        return out.build();
    }

    public static RefundResponse toProto(RefundResult result) {
        Refund r = result.refund();
        RefundResponse.Builder out = RefundResponse.newBuilder().setRefund(RefundOutcome.newBuilder()
                .setRefundId(r.refundId())
                .setAmount(money(r.amountMinor(), r.currency()))
                .setConfirmed(money(r.confirmedMinor(), r.currency()))
                .setDone(r.done()));
        if (result.bookingCharge() != null) {
            out.setPayment(toProto(result.bookingCharge()));
        }
        return out.build();
    }

    private static PaymentStatus status(Payment p) {
        return switch (p.state()) {
            case PROCESSING -> PaymentStatus.PROCESSING;
            case CAPTURED -> PaymentStatus.CAPTURED;
            case DECLINED -> PaymentStatus.DECLINED;
            case FAILED -> PaymentStatus.FAILED;
            case REFUNDED -> PaymentStatus.REFUNDED;
            case PARTIALLY_REFUNDED -> PaymentStatus.PARTIALLY_REFUNDED;
        };
    }

    private static Money money(long amountMinor, String currency) {
        return Money.newBuilder().setAmountMinor(amountMinor).setCurrency(currency).build();
    }
}
