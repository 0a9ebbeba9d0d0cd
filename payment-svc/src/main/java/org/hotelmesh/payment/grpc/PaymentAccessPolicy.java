package org.hotelmesh.payment.grpc;

import java.util.List;

import jakarta.inject.Singleton;

import org.hotelmesh.proto.payment.v1.PaymentServiceGrpc;
import org.hotelmesh.support.identity.AccessPolicy;
import org.hotelmesh.support.identity.AccessRule;

/** Who may call payment-svc: money moves for reservations only, so reservation-svc alone, and no tool. */
@Singleton
public class PaymentAccessPolicy extends AccessPolicy {

    PaymentAccessPolicy() {
        AccessRule reservations = AccessRule.services("reservation-svc");
        rule(PaymentServiceGrpc.getChargeMethod(), reservations);
        rule(PaymentServiceGrpc.getRefundMethod(), reservations);
        rule(PaymentServiceGrpc.getGetPaymentMethod(), reservations);
        coverAll(List.of(PaymentServiceGrpc.getServiceDescriptor()));
    }
}
