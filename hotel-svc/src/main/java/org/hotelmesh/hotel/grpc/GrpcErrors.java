package org.hotelmesh.hotel.grpc;

import java.util.Map;

import org.hotelmesh.support.GrpcStatuses;

import org.hotelmesh.hotel.domain.Conflict;
import org.hotelmesh.hotel.domain.InvalidInput;
import org.hotelmesh.hotel.domain.NotFound;
import org.hotelmesh.hotel.domain.PreconditionFailed;
import org.hotelmesh.hotel.domain.ReservationsUnavailable;
import org.jboss.logging.Logger;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

/** The one place where domain errors become gRPC statuses. */
public final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    public static Throwable toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException || failure instanceof StatusException) {
            return failure;
        }
        if (failure instanceof InvalidInput invalid) {
            return invalidArgument(invalid);
        }
        if (failure instanceof NotFound) {
            return Status.NOT_FOUND.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof Conflict) {
            return Status.ALREADY_EXISTS.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof PreconditionFailed) {
            return Status.FAILED_PRECONDITION.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof ReservationsUnavailable) {
            return GrpcStatuses.unavailable(failure.getMessage());
        }
        if (GrpcStatuses.storeUnavailable(failure)) {
            // Not the client's fault and worth retrying: the edge answers 503 and may retry reads.
            LOG.warnf("catalog database unavailable: %s", failure.toString());
            return GrpcStatuses.unavailable("the catalog database is unavailable; retry shortly");
        }
        LOG.error("unexpected failure while serving a catalog request", failure);
        return Status.INTERNAL.withDescription("internal error; the failure has been logged").asRuntimeException();
    }

    private static StatusRuntimeException invalidArgument(InvalidInput invalid) {
        return GrpcStatuses.invalidArgument(invalid.getMessage(), invalid.violations().stream()
                .map(v -> Map.entry(v.field(), v.reason())).toList());
    }
}
