package org.hotelmesh.rate.grpc;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.hotelmesh.rate.domain.CatalogUnavailable;
import org.hotelmesh.rate.domain.InvalidInput;
import org.hotelmesh.rate.domain.NotFound;
import org.hotelmesh.rate.domain.OccupancyUnavailable;
import org.hotelmesh.rate.domain.PreconditionFailed;
import org.hotelmesh.support.GrpcStatuses;
import org.hotelmesh.support.ThrottledWarning;
import org.jboss.logging.Logger;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

/** The one place where domain errors become gRPC statuses. */
public final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);
    private static final ThrottledWarning DOWNSTREAM = new ThrottledWarning(LOG, Duration.ofSeconds(30));
    private static final ThrottledWarning DATABASE = new ThrottledWarning(LOG, Duration.ofSeconds(30));

    private GrpcErrors() {
    }

    public static Throwable toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException || failure instanceof StatusException) {
            return failure;
        }
        if (failure instanceof InvalidInput invalid) {
            return GrpcStatuses.invalidArgument(invalid.getMessage(), invalid.violations().stream()
                    .map(v -> Map.entry(v.field(), v.reason())).toList());
        }
        if (failure instanceof NotFound) {
            return status(Status.NOT_FOUND, failure);
        }
        if (failure instanceof PreconditionFailed) {
            return status(Status.FAILED_PRECONDITION, failure);
        }
        if (failure instanceof CatalogUnavailable || failure instanceof OccupancyUnavailable) {
            DOWNSTREAM.warn("a price could not be computed", failure);
            return GrpcStatuses.unavailable(failure.getMessage());
        }
        if (failure instanceof CircuitBreakerOpenException) {
            // The lookups name the service whose circuit is open; this is the backstop.
            return GrpcStatuses.unavailable("a service this one depends on is unavailable; retry shortly");
        }
        if (GrpcStatuses.storeUnavailable(failure)) {
            // Not the client's fault and worth retrying: the edge answers 503.
            DATABASE.warn("rate database unavailable", failure);
            return GrpcStatuses.unavailable("the rate database is unavailable; retry shortly");
        }
        LOG.error("unexpected failure while serving a rate request", failure);
        return Status.INTERNAL.withDescription("internal error; the failure has been logged").asRuntimeException();
    }

    private static StatusRuntimeException status(Status status, Throwable failure) {
        return status.withDescription(failure.getMessage()).asRuntimeException();
    }
}
