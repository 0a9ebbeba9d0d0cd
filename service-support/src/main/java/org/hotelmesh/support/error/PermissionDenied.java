package org.hotelmesh.support.error;

import io.grpc.Status;

/** The caller is known but may not do this: PERMISSION_DENIED (403 at the edge). */
public class PermissionDenied extends ServiceException {

    public PermissionDenied(String message) {
        super(Status.Code.PERMISSION_DENIED, message);
    }
}
