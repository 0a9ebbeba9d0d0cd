package org.hotelmesh.rate.domain;

/**
 * The request is valid but the stored state forbids it: a night without a base price, a second currency for a
 * hotel (maps to FAILED_PRECONDITION).
 */
public final class PreconditionFailed extends RateException {

    public PreconditionFailed(String message) {
        super(message);
    }
}
