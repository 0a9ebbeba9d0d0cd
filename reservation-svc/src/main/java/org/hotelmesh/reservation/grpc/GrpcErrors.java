package org.hotelmesh.reservation.grpc;

import java.util.Map;

import org.hotelmesh.support.GrpcStatuses;

import org.hotelmesh.reservation.domain.CatalogUnavailable;
import org.hotelmesh.reservation.domain.InvalidInput;
import org.hotelmesh.reservation.domain.InventoryBusy;
import org.hotelmesh.reservation.domain.NoInventory;
import org.hotelmesh.reservation.domain.NotFound;
import org.hotelmesh.reservation.domain.PaymentsUnavailable;
import org.hotelmesh.reservation.domain.PreconditionFailed;
import org.hotelmesh.reservation.domain.PricingUnavailable;
import org.hotelmesh.reservation.domain.ReservationConflict;
import org.hotelmesh.reservation.domain.SoldOut;
import org.jboss.logging.Logger;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

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
            return status(Status.NOT_FOUND, failure);
        }
        if (failure instanceof ReservationConflict) {
            return status(Status.ALREADY_EXISTS, failure);
        }
        if (failure instanceof SoldOut || failure instanceof NoInventory || failure instanceof PreconditionFailed) {
            return status(Status.FAILED_PRECONDITION, failure);
        }
        if (failure instanceof InventoryBusy) {
            return status(Status.ABORTED, failure);
        }
        if (failure instanceof CatalogUnavailable || failure instanceof PricingUnavailable
                || failure instanceof PaymentsUnavailable) {
            return GrpcStatuses.unavailable(failure.getMessage());
        }
        if (failure instanceof CircuitBreakerOpenException) {
            // The callers name the service whose circuit is open; this is the backstop.
            return GrpcStatuses.unavailable("a service this one depends on is unavailable; retry shortly");
        }
        if (GrpcStatuses.storeUnavailable(failure)) {
            // Not the client's fault and worth retrying: the edge answers 503.
            LOG.warnf("reservation database unavailable: %s", failure.toString());
            return GrpcStatuses.unavailable("the reservation database is unavailable; retry shortly");
        }
        LOG.error("unexpected failure while serving a reservation request", failure);
        return Status.INTERNAL.withDescription("internal error; the failure has been logged").asRuntimeException();
    }

    private static StatusRuntimeException status(Status status, Throwable failure) {
        return status.withDescription(failure.getMessage()).asRuntimeException();
    }

    private static StatusRuntimeException invalidArgument(InvalidInput invalid) {
        return GrpcStatuses.invalidArgument(invalid.getMessage(), invalid.violations().stream()
                .map(v -> Map.entry(v.field(), v.reason())).toList());
    }
}
