package org.hotelmesh.support.error;

import io.grpc.Status;

/**
 * The request is well formed but the state of the system refuses it (sold out, no price, an ended stay):
 * FAILED_PRECONDITION.
 */
public class PreconditionFailed extends ServiceException {

    public PreconditionFailed(String message) {
        super(Status.Code.FAILED_PRECONDITION, message);
    }
}
