package org.hotelmesh.payment.domain;

/**
 * The request is well-formed but conflicts with what was done before: a second charge with other values, a refund
 * of a payment that captured nothing, more than was captured (maps to FAILED_PRECONDITION).
 */
public final class PreconditionFailed extends PaymentException {

    public PreconditionFailed(String message) {
        super(message);
    }
}
