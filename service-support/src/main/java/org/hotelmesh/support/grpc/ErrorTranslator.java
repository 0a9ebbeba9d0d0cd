package org.hotelmesh.support.grpc;

import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.hotelmesh.support.ThrottledWarning;
import org.hotelmesh.support.error.Overloaded;
import org.hotelmesh.support.error.ServiceException;
import org.jboss.logging.Logger;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;

/**
 * The one place where a service's failures become gRPC statuses: a {@link ServiceException} becomes its own code and
 * message (with its field violations, or as an UNAVAILABLE the service says itself); a lost database becomes
 * UNAVAILABLE; anything else is a bug, logged and answered INTERNAL without its details. Outages are logged at most
 * every 30 s, so a dead store does not flood the log at the request rate.
 */
public final class ErrorTranslator {

    private static final Logger LOG = Logger.getLogger(ErrorTranslator.class);

    private final String database;
    private final Predicate<Throwable> storeOutage;
    private final ThrottledWarning dependencyWarning = new ThrottledWarning(LOG, Duration.ofSeconds(30));
    private final ThrottledWarning storeWarning = new ThrottledWarning(LOG, Duration.ofSeconds(30));

    /**
     * @param database    the name of the service's database, as a client reads it ("the rate database ...")
     * @param storeOutage which failures mean that database is out of reach
     */
    public ErrorTranslator(String database, Predicate<Throwable> storeOutage) {
        this.database = database;
        this.storeOutage = storeOutage;
    }

    /**
     * Runs a gRPC method's work, deferred so that a synchronous validation error is translated like an asynchronous
     * failure. (The answer to a call whose client has gone is dropped by {@link CancelledCalls}.)
     */
    public <T> Uni<T> serve(Supplier<Uni<T>> work) {
        return Uni.createFrom().<T>deferred(() -> work.get()).onFailure().transform(this::toStatus);
    }

    public Throwable toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException || failure instanceof StatusException) {
            return failure;
        }
        if (failure instanceof ServiceException answer) {
            return toStatus(answer);
        }
        if (failure instanceof CircuitBreakerOpenException) {
            // The clients name the service whose circuit is open; this is the backstop.
            return GrpcStatuses.unavailable("a service this one depends on is unavailable; retry shortly");
        }
        if (storeOutage.test(failure)) {
            // Not the client's fault and worth retrying: the edge answers 503.
            storeWarning.warn(database + " database unavailable", failure);
            return GrpcStatuses.unavailable("the " + database + " database is unavailable; retry shortly");
        }
        LOG.errorf(failure, "unexpected failure while serving a %s request", database);
        return Status.INTERNAL.withDescription("internal error; the failure has been logged").asRuntimeException();
    }

    private StatusRuntimeException toStatus(ServiceException answer) {
        return switch (answer.code()) {
            case INVALID_ARGUMENT -> GrpcStatuses.invalidArgument(answer.getMessage(), answer.violations().stream()
                    .map(v -> Map.entry(v.field(), v.reason())).toList());
            case RESOURCE_EXHAUSTED -> answer instanceof Overloaded overloaded
                    ? GrpcStatuses.resourceExhausted(answer.getMessage(), overloaded.retryAfter())
                    : Status.RESOURCE_EXHAUSTED.withDescription(answer.getMessage()).asRuntimeException();
            case UNAVAILABLE -> {
                dependencyWarning.warn("answered UNAVAILABLE", answer);
                yield GrpcStatuses.unavailable(answer.getMessage());
            }
            default -> Status.fromCode(answer.code()).withDescription(answer.getMessage()).asRuntimeException();
        };
    }
}
