package org.hotelmesh.payment.grpc;

import java.time.Duration;
import java.util.Map;

import org.hotelmesh.payment.domain.InvalidInput;
import org.hotelmesh.payment.domain.NotFound;
import org.hotelmesh.payment.domain.PreconditionFailed;
import org.hotelmesh.support.GrpcStatuses;
import org.hotelmesh.support.ThrottledWarning;
import org.jboss.logging.Logger;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;

/** The one place where domain errors become gRPC statuses. */
public final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);
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
            return Status.NOT_FOUND.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof PreconditionFailed) {
            return Status.FAILED_PRECONDITION.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (GrpcStatuses.storeUnavailable(failure)) {
            DATABASE.warn("payment database unavailable", failure);
            return GrpcStatuses.unavailable("the payment database is unavailable; retry shortly");
        }
        LOG.error("unexpected failure while serving a payment request", failure);
        return Status.INTERNAL.withDescription("internal error; the failure has been logged").asRuntimeException();
    }
}
