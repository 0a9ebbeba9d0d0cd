package org.hotelmesh.support.grpc;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The deadline of the gRPC call being served, as its caller set it (the {@code grpc-timeout} header), so that the calls
 * this service makes on the caller's behalf end when the caller stops waiting: no hop works for a caller that has gone.
 * The downstream guards cap every deadline with {@link #within}. gRPC on the HTTP port (the Vert.x server) keeps no
 * {@code io.grpc.Context} deadline, so this interceptor reads the header itself and keeps the deadline in the call's
 * duplicated Vert.x context, which the call's whole reactive chain runs on; work outside a served call (jobs, a
 * retry's timer) has none and keeps its configured deadlines.
 */
@ApplicationScoped
@GlobalInterceptor
public class CallerDeadline implements ServerInterceptor {

    static final Metadata.Key<String> TIMEOUT = Metadata.Key.of("grpc-timeout", Metadata.ASCII_STRING_MARSHALLER);
    private static final String KEY = CallerDeadline.class.getName();

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        Optional<Long> timeout = parseTimeoutNanos(headers.get(TIMEOUT));
        ServerCall.Listener<Q> listener = next.startCall(call, headers);
        if (timeout.isEmpty()) {
            return listener;
        }
        long deadline = System.nanoTime() + timeout.get();
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onMessage(Q message) {
                remember(deadline);
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                remember(deadline);
                super.onHalfClose();
            }
        };
    }

    /**
     * {@code configured}, or less if the caller of the call being served stops waiting sooner; zero once it has
     * stopped (a call made with it fails at once, without being sent).
     */
    public static Duration within(Duration configured) {
        return remainingNanos().map(left -> left <= 0 ? Duration.ZERO
                : left < configured.toNanos() ? Duration.ofNanos(left) : configured).orElse(configured);
    }

    /** Whether the caller of the call being served has already stopped waiting. */
    public static boolean passed() {
        return remainingNanos().map(left -> left <= 0).orElse(false);
    }

    private static Optional<Long> remainingNanos() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return Optional.empty();
        }
        return ContextLocals.<Long>get(KEY).map(deadline -> deadline - System.nanoTime());
    }

    private static void remember(long deadline) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            ContextLocals.put(KEY, deadline);
        }
    }

    /**
     * The gRPC wire format of a timeout: at most 8 digits and a unit, H, M, S, m (milli), u (micro) or n (nano).
     * Anything else is ignored, as grpc-java does.
     */
    static Optional<Long> parseTimeoutNanos(String header) {
        if (header == null || header.length() < 2 || header.length() > 9) {
            return Optional.empty();
        }
        String digits = header.substring(0, header.length() - 1);
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        long value = Long.parseLong(digits);
        TimeUnit unit = switch (header.charAt(header.length() - 1)) {
            case 'H' -> TimeUnit.HOURS;
            case 'M' -> TimeUnit.MINUTES;
            case 'S' -> TimeUnit.SECONDS;
            case 'm' -> TimeUnit.MILLISECONDS;
            case 'u' -> TimeUnit.MICROSECONDS;
            case 'n' -> TimeUnit.NANOSECONDS;
            default -> null;
        };
        return unit == null ? Optional.empty() : Optional.of(unit.toNanos(value));
    }
}
