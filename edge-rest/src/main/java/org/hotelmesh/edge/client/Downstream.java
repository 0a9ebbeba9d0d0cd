package org.hotelmesh.edge.client;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.smallrye.mutiny.Uni;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.hotelmesh.edge.error.ProblemMappers;

/** The services behind the edge, with the words a client reads when one of them fails. */
public enum Downstream {

    CATALOG("hotel-svc",
            "The hotel catalog could not be reached; retry later",
            "The hotel catalog did not answer in time; retry later",
            "The hotel catalog is temporarily unavailable; retry in a few seconds",
            "The hotel catalog failed to process the request"),
    RESERVATIONS("reservation-svc",
            "Reservations are temporarily unavailable; the reservation service could not be reached, retry later",
            "Reservations are temporarily unavailable; the reservation service did not answer in time, retry later",
            "Reservations are temporarily unavailable; retry in a few seconds",
            "The reservation service failed to process the request"),
    RATES("rate-svc",
            "Prices are temporarily unavailable; the rate service could not be reached, retry later",
            "Prices are temporarily unavailable; the rate service did not answer in time, retry later",
            "Prices are temporarily unavailable; retry in a few seconds",
            "The rate service failed to process the request");

    /** The ErrorInfo of a service that answered UNAVAILABLE itself (see GrpcStatuses.unavailable in the services). */
    private static final String DOMAIN = "hotelmesh";
    private static final String DEPENDENCY_UNAVAILABLE = "DEPENDENCY_UNAVAILABLE";

    private final String service;
    private final String unreachable;
    private final String tooSlow;
    private final String circuitOpen;
    private final String failed;

    Downstream(String service, String unreachable, String tooSlow, String circuitOpen, String failed) {
        this.service = service;
        this.unreachable = unreachable;
        this.tooSlow = tooSlow;
        this.circuitOpen = circuitOpen;
        this.failed = failed;
    }

    public String service() {
        return service;
    }

    public String unreachable() {
        return unreachable;
    }

    public String tooSlow() {
        return tooSlow;
    }

    public String circuitOpen() {
        return circuitOpen;
    }

    public String failed() {
        return failed;
    }

    /** The call, with its gRPC failures translated by {@link #classify}. */
    public <T> Uni<T> translate(Uni<T> call) {
        return call.onFailure(StatusRuntimeException.class).transform(this::classify);
    }

    /**
     * UNAVAILABLE and DEADLINE_EXCEEDED are worth a retry and are what the circuit breakers count; statuses without a
     * meaning for the client become a 502 naming this service. The rest pass on unchanged to the edge's one status
     * table ({@link ProblemMappers#httpStatus}).
     */
    public Throwable classify(Throwable failure) {
        StatusRuntimeException status = (StatusRuntimeException) failure;
        Status.Code code = refusedByGoAway(status.getStatus()) ? Status.Code.UNAVAILABLE : status.getStatus().getCode();
        if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
            return new DownstreamUnavailableException(this, code, explanation(status), failure);
        }
        if (ProblemMappers.httpStatus(code) == 502) {
            return new DownstreamFailedException(this, status);
        }
        return failure;
    }

    /**
     * grpc-java reports the calls a GOAWAY(PROTOCOL_ERROR) refused as INTERNAL, although the server never processed
     * them: a connection torn down under them, so UNAVAILABLE (safe to retry). The services' clients make the same
     * correction (GrpcStatuses.status); see there for when it happens.
     */
    static boolean refusedByGoAway(Status status) {
        return status.getCode() == Status.Code.INTERNAL && status.getDescription() != null
                && status.getDescription().startsWith("Connection closed after GOAWAY");
    }

    /**
     * The service's own words when it answered UNAVAILABLE itself because something it depends on is down ("pricing
     * is unavailable ..."), null when the channel could not reach it. Only a status sent by a service carries the
     * ErrorInfo detail; a transport failure never has details.
     */
    static String explanation(StatusRuntimeException e) {
        com.google.rpc.Status rich = StatusProto.fromThrowable(e);
        if (rich == null || rich.getMessage().isBlank()) {
            return null;
        }
        for (var detail : rich.getDetailsList()) {
            if (!detail.is(ErrorInfo.class)) {
                continue;
            }
            try {
                ErrorInfo info = detail.unpack(ErrorInfo.class);
                if (DOMAIN.equals(info.getDomain()) && DEPENDENCY_UNAVAILABLE.equals(info.getReason())) {
                    return rich.getMessage();
                }
            } catch (InvalidProtocolBufferException unreadable) {
                return null;
            }
        }
        return null;
    }

    /**
     * Whose circuit is open. The exception carries no more than its message, which SmallRye Fault Tolerance builds
     * from the guarded method ("org.hotelmesh.edge.client.ReservationClient.get circuit breaker is open"); the
     * dead-service tests pin that down.
     */
    public static Downstream of(CircuitBreakerOpenException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains(ReservationClient.class.getSimpleName())) {
            return RESERVATIONS;
        }
        return message.contains(RateClient.class.getSimpleName()) ? RATES : CATALOG;
    }
}
