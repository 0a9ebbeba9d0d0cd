package org.hotelmesh.support.client;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.hotelmesh.support.grpc.CallerDeadline;
import org.hotelmesh.support.grpc.GrpcStatuses;

import io.grpc.Status;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The one guard in front of one downstream service: a circuit breaker named after the service, shared by every call
 * to it, and retries chosen per call ({@link Retry}). Only a call that got no answer ({@link DownstreamUnavailable})
 * is retried, and only one that could not reach the service is counted by the breaker ({@link #looksDead}); any
 * answer, an error included, shows the service is alive. Clients get it from {@link DownstreamGuards}; settings come
 * from {@link DownstreamSettings}.
 */
public final class DownstreamGuard {

    /** What a client says when its downstream does not answer, in words its own caller can act on. */
    public interface Words {
        /** {@code call}: the RPC ("GetHotel"); {@code code}: UNAVAILABLE or DEADLINE_EXCEEDED. */
        String unanswered(String call, Status.Code code);

        String circuitOpen();
    }

    private final String service;
    private final Words words;
    private final DownstreamSettings settings;
    private final Guard guard;

    DownstreamGuard(String service, Words words, DownstreamSettings settings) {
        this.service = service;
        this.words = words;
        this.settings = settings;
        this.guard = Guard.create()
                .withDescription(service)
                .withRetry()
                    .maxRetries(settings.maxRetries())
                    .delay(settings.retryDelay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(settings.retryJitter().toMillis(), ChronoUnit.MILLIS)
                    .whenException(failure -> failure instanceof DownstreamUnavailable unanswered
                            && unanswered.retryable())
                    .done()
                .withCircuitBreaker()
                    .name(service)
                    .requestVolumeThreshold(settings.breakerRequestVolume())
                    .failureRatio(settings.breakerFailureRatio())
                    .delay(settings.breakerDelay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(settings.breakerSuccessThreshold())
                    .when(DownstreamGuard::looksDead)
                    .done()
                .build();
    }

    public String service() {
        return service;
    }

    /**
     * The deadline of one attempt of a call: as configured, or what is left of the deadline of the call being served
     * if that ends sooner ({@link CallerDeadline}).
     */
    public Duration deadline() {
        return CallerDeadline.within(settings.deadline());
    }

    /** The deadline of one attempt of a write that does more work (a booking that also charges a card). */
    public Duration writeDeadline() {
        return CallerDeadline.within(settings.writeDeadline());
    }

    /**
     * Runs {@code call} (named {@code name} in messages) under the guard. The supplier is called once per attempt.
     * Unanswered calls fail with {@link DownstreamUnavailable}; every other failure passes through unchanged, with
     * grpc-java's GOAWAY quirk corrected ({@link GrpcStatuses#status}).
     */
    @SuppressWarnings("unchecked")
    public <T> Uni<T> call(String name, Retry retry, Supplier<Uni<T>> call) {
        Supplier<Uni<T>> attempt = () -> Uni.createFrom().<T>deferred(() -> call.get())
                .onFailure().transform(failure -> classify(service, words, name, retry, failure));
        Uni<T> guarded = guard.get((Supplier) attempt, Uni.class);
        return guarded.onFailure(CircuitBreakerOpenException.class).transform(open -> new DownstreamUnavailable(
                service, DownstreamUnavailable.Reason.CIRCUIT_OPEN, words.circuitOpen(), null, false, null));
    }

    /**
     * What the breaker counts: only a call that could not reach the service. A call past its deadline, or an
     * UNAVAILABLE the service said itself (something behind it is down), or a call its GOAWAY refused, came from a
     * live service that is busy or waiting: opening the circuit on those turns load into an outage and spreads one dependency's trouble along the
     * chain of callers.
     */
    static boolean looksDead(Throwable failure) {
        return failure instanceof DownstreamUnavailable unanswered
                && unanswered.reason() == DownstreamUnavailable.Reason.UNREACHABLE && unanswered.explanation() == null
                // a server that sends a GOAWAY is alive: it is shedding a connection, often because it is busy
                && !(unanswered.getCause() != null
                        && GrpcStatuses.refusedByGoAway(Status.fromThrowable(unanswered.getCause())));
    }

    /** A failed attempt: no answer becomes {@link DownstreamUnavailable}, retryable as {@code retry} allows. */
    static Throwable classify(String service, Words words, String name, Retry retry, Throwable failure) {
        if (failure instanceof DownstreamUnavailable) {
            return failure;
        }
        Status status = GrpcStatuses.status(failure);
        return switch (status.getCode()) {
            case UNAVAILABLE -> new DownstreamUnavailable(service, DownstreamUnavailable.Reason.UNREACHABLE,
                    words.unanswered(name, Status.Code.UNAVAILABLE), GrpcStatuses.dependencyExplanation(failure),
                    retry != Retry.NEVER, failure);
            // no retry once the caller this call was made for has stopped waiting
            case DEADLINE_EXCEEDED -> new DownstreamUnavailable(service, DownstreamUnavailable.Reason.TOO_SLOW,
                    words.unanswered(name, Status.Code.DEADLINE_EXCEEDED), null,
                    retry == Retry.WHEN_UNREACHABLE_OR_SLOW && !CallerDeadline.passed(), failure);
            default -> failure;
        };
    }
}
