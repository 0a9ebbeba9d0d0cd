package org.hotelmesh.edge.client;

import java.util.function.Supplier;

import org.hotelmesh.edge.error.ProblemMappers;
import org.hotelmesh.support.client.DownstreamGuard;
import org.hotelmesh.support.client.DownstreamGuards;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.hotelmesh.support.client.Retry;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;

/** The services behind the edge, with the words a client reads when one of them fails. */
public enum Downstream implements DownstreamGuard.Words {

    HOTELS("hotel-svc",
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

    public String failed() {
        return failed;
    }

    /** The one guard in front of this service, shared by every call to it. */
    public DownstreamGuard guard(DownstreamGuards guards) {
        return guards.of(service, this);
    }

    /**
     * The call behind the guard: no answer fails with the guard's {@link DownstreamUnavailable} (which names this
     * service); statuses without a meaning for the client become a 502 naming this service; the rest pass on
     * unchanged to the edge's one status table ({@link ProblemMappers#httpStatus}).
     */
    public <T> Uni<T> call(DownstreamGuard guard, Retry retry, Supplier<Uni<T>> call) {
        return guard.call(service, retry, call).onFailure(StatusRuntimeException.class).transform(this::classify);
    }

    Throwable classify(Throwable failure) {
        StatusRuntimeException status = (StatusRuntimeException) failure;
        if (ProblemMappers.httpStatus(status.getStatus().getCode()) == 502) {
            return new DownstreamFailedException(this, status);
        }
        return failure;
    }

    @Override
    public String unanswered(String call, Status.Code code) {
        return code == Status.Code.DEADLINE_EXCEEDED ? tooSlow : unreachable;
    }

    @Override
    public String circuitOpen() {
        return circuitOpen;
    }

    /** The service a guard is named after. */
    public static Downstream of(String service) {
        for (Downstream downstream : values()) {
            if (downstream.service.equals(service)) {
                return downstream;
            }
        }
        throw new IllegalArgumentException("not a downstream of the edge: " + service);
    }
}
