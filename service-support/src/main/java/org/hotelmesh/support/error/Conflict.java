package org.hotelmesh.support.error;

import io.grpc.Status;

/** What the request would create exists already, different from the request: ALREADY_EXISTS. */
public class Conflict extends ServiceException {

    public Conflict(String message) {
        super(Status.Code.ALREADY_EXISTS, message);
    }
}
