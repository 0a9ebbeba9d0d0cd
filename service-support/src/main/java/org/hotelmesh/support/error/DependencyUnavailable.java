package org.hotelmesh.support.error;

import java.util.List;

import io.grpc.Status;

/**
 * Something this service depends on (another service, its cache) is out of reach, so it cannot answer now:
 * UNAVAILABLE, said by the service itself, with a message the edge passes on to the client.
 */
public class DependencyUnavailable extends ServiceException {

    public DependencyUnavailable(String message) {
        super(Status.Code.UNAVAILABLE, message);
    }

    protected DependencyUnavailable(String message, Throwable cause) {
        super(Status.Code.UNAVAILABLE, message, List.of(), cause);
    }
}
