package org.hotelmesh.payment.grpc;

import java.util.function.Supplier;

import org.hotelmesh.payment.mapping.PaymentMapper;
import org.hotelmesh.payment.service.PaymentService;
import org.hotelmesh.proto.payment.v1.ChargeRequest;
import org.hotelmesh.proto.payment.v1.ChargeResponse;
import org.hotelmesh.proto.payment.v1.GetPaymentRequest;
import org.hotelmesh.proto.payment.v1.GetPaymentResponse;
import org.hotelmesh.proto.payment.v1.RefundRequest;
import org.hotelmesh.proto.payment.v1.RefundResponse;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/** The gRPC face of payment-svc: maps proto to domain and back; errors are mapped by {@link GrpcErrors}. */
@GrpcService
public class PaymentGrpcService implements org.hotelmesh.proto.payment.v1.PaymentService {

    private final PaymentService payments;

    public PaymentGrpcService(PaymentService payments) {
        this.payments = payments;
    }

    @Override
    public Uni<ChargeResponse> charge(ChargeRequest request) {
        return handle(() -> payments.charge(PaymentMapper.toDomain(request))
                .map(p -> ChargeResponse.newBuilder().setPayment(PaymentMapper.toProto(p)).build()));
    }

    @Override
    public Uni<RefundResponse> refund(RefundRequest request) {
        return handle(() -> payments.refund(PaymentMapper.toDomain(request))
                .map(p -> RefundResponse.newBuilder().setPayment(PaymentMapper.toProto(p)).build()));
    }

    @Override
    public Uni<GetPaymentResponse> getPayment(GetPaymentRequest request) {
        return handle(() -> payments.get(request.getReservationId())
                .map(p -> GetPaymentResponse.newBuilder().setPayment(PaymentMapper.toProto(p)).build()));
    }

    /** Validation may throw before a Uni exists; either way the failure becomes one gRPC status. */
    private static <T> Uni<T> handle(Supplier<Uni<T>> call) {
        return Uni.createFrom().<T>deferred(() -> call.get()).onFailure().transform(GrpcErrors::toStatus);
    }
}
