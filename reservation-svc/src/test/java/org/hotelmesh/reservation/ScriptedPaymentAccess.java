package org.hotelmesh.reservation;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import org.hotelmesh.proto.payment.v1.PaymentServiceGrpc;
import org.hotelmesh.reservation.grpc.ReservationAccessPolicy;
import org.hotelmesh.support.identity.AccessRule;

/** The test application also serves {@link ScriptedPaymentService}: this service's own client calls it. */
@Alternative
@Priority(1)
@Singleton
public class ScriptedPaymentAccess extends ReservationAccessPolicy {

    ScriptedPaymentAccess() {
        AccessRule anyone = AccessRule.anyone();
        rule(PaymentServiceGrpc.getChargeMethod(), anyone);
        rule(PaymentServiceGrpc.getRefundMethod(), anyone);
        rule(PaymentServiceGrpc.getGetPaymentMethod(), anyone);
    }
}
