package org.hotelmesh.payment.grpc;

import org.hotelmesh.payment.mapping.PaymentMapper;
import org.hotelmesh.payment.service.Payments;
import org.hotelmesh.proto.payment.v1.ChargeRequest;
import org.hotelmesh.proto.payment.v1.ChargeResponse;
import org.hotelmesh.proto.payment.v1.GetPaymentRequest;
import org.hotelmesh.proto.payment.v1.GetPaymentResponse;
import org.hotelmesh.proto.payment.v1.RefundRequest;
import org.hotelmesh.proto.payment.v1.RefundResponse;
import org.hotelmesh.store.StoreOutage;
import org.hotelmesh.support.grpc.ErrorTranslator;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * The gRPC face of payment-svc: maps proto to domain and back; failures become statuses through the shared
 * {@link ErrorTranslator}.
 */
@GrpcService
public class PaymentGrpcService implements org.hotelmesh.proto.payment.v1.PaymentService {

    private static final ErrorTranslator ERRORS = new ErrorTranslator("payment", StoreOutage::detected);

    private final Payments payments;

    public PaymentGrpcService(Payments payments) {
        this.payments = payments;
    }

    @Override
    public Uni<ChargeResponse> charge(ChargeRequest request) {
        return ERRORS.serve(() -> payments.charge(PaymentMapper.toDomain(request))
                .map(p -> ChargeResponse.newBuilder().setPayment(PaymentMapper.toProto(p)).build()));
    }

    @Override
    public Uni<RefundResponse> refund(RefundRequest request) {
        return ERRORS.serve(() -> payments.refund(PaymentMapper.toDomain(request)).map(PaymentMapper::toProto));
    }

    @Override
    public Uni<GetPaymentResponse> getPayment(GetPaymentRequest request) {
        return ERRORS.serve(() -> payments.get(request.getReservationId(), request.getChargeId())
                .map(p -> GetPaymentResponse.newBuilder().setPayment(PaymentMapper.toProto(p)).build()));
    }
}
