package org.hotelmesh.support.grpc;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Prioritized;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotelmesh.support.ThrottledWarning;
import org.jboss.logging.Logger;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GlobalInterceptor;

/**
 * Admission control for every gRPC method of a service: at most {@code hotelmesh.grpc.max-in-flight} calls in
 * progress at once; a call beyond that is answered RESOURCE_EXHAUSTED at once, with when to come back (RetryInfo;
 * 429 with Retry-After at the edge), before any work. A busy service says "slow down" instead of queueing without
 * bound until its callers' deadlines expire inside it. Runs before the services' other interceptors.
 */
@ApplicationScoped
@GlobalInterceptor
public class AdmissionControl implements ServerInterceptor, Prioritized {

    /**
     * Quarkus runs higher priorities first: after its own context interceptors, before the deadline and cancellation
     * ones (priority 0), so a turned-away call costs nothing.
     */
    static final int PRIORITY = 1_000;

    private static final Logger LOG = Logger.getLogger(AdmissionControl.class);

    private final int maxInFlight;
    private final Duration retryAfter;
    private final String service;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final ThrottledWarning turnedAway = new ThrottledWarning(LOG, Duration.ofSeconds(10));

    AdmissionControl(@ConfigProperty(name = "hotelmesh.grpc.max-in-flight", defaultValue = "1024") int maxInFlight,
            @ConfigProperty(name = "hotelmesh.grpc.retry-after", defaultValue = "1s") Duration retryAfter,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "this service") String service) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("hotelmesh.grpc.max-in-flight must be at least 1, was " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.retryAfter = retryAfter;
        this.service = service;
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        if (inFlight.incrementAndGet() > maxInFlight) {
            inFlight.decrementAndGet();
            StatusRuntimeException busy = GrpcStatuses.resourceExhausted(service + " has " + maxInFlight
                    + " calls in progress, its limit; try again in " + retryAfter.toMillis() + " ms", retryAfter);
            turnedAway.warn("turning calls away at hotelmesh.grpc.max-in-flight=" + maxInFlight, busy);
            return GrpcStatuses.refuse(call, busy);
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                inFlight.decrementAndGet();
            }
        };
        ServerCall<Q, A> counted = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                release.run();
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener;
        try {
            listener = next.startCall(counted, headers);
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onCancel() {
                release.run();
                super.onCancel();
            }

            @Override
            public void onComplete() {
                release.run();
                super.onComplete();
            }
        };
    }
}
