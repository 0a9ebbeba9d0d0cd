package org.hotelmesh.support.identity;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Prioritized;

import org.hotelmesh.support.ThrottledWarning;
import org.hotelmesh.support.grpc.GrpcStatuses;
import org.jboss.logging.Logger;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Every gRPC call is authenticated and authorised here, before any other interceptor and before any work: no bearer
 * token or an invalid one is UNAUTHENTICATED; a caller the service's {@link AccessPolicy} does not let call the method
 * is PERMISSION_DENIED. The verified {@link Caller} (with the end user a user-facing workload passes on in
 * {@code x-hotelmesh-user}) is kept in the call's duplicated Vert.x context for {@link Access}. A service that serves
 * gRPC and cannot verify tokens does not start.
 */
@ApplicationScoped
@GlobalInterceptor
public class Authentication implements ServerInterceptor, Prioritized {

    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    /** The end user's token, passed on by a user-facing workload (the edge). */
    public static final Metadata.Key<String> USER = Metadata.Key.of("x-hotelmesh-user", Metadata.ASCII_STRING_MARSHALLER);

    /** Runs before admission control (1000): a stranger's call is not counted as work. */
    static final int PRIORITY = 2_000;
    static final String KEY = Caller.class.getName();
    private static final String BEARER = "Bearer ";
    private static final Logger LOG = Logger.getLogger(Authentication.class);

    private final TokenVerifier verifier;
    private final Instance<AccessPolicy> policies;
    private final ThrottledWarning refused = new ThrottledWarning(LOG, Duration.ofSeconds(10));

    Authentication(TokenVerifier verifier, Instance<AccessPolicy> policies) {
        this.verifier = verifier;
        this.policies = policies;
    }

    void checkConfiguration(@Observes StartupEvent start) {
        if (policies.isResolvable()) {
            verifier.missingConfiguration().ifPresent(missing -> {
                throw new IllegalStateException(missing);
            });
        }
    }

    @Override
    public int getPriority() {
        return PRIORITY;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        String method = call.getMethodDescriptor().getFullMethodName();
        String authorization = headers.get(AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return refuse(call, Status.UNAUTHENTICATED, method + " needs a bearer token (a workload's or a tool's)");
        }
        Caller caller;
        try {
            caller = verifier.caller(authorization.substring(BEARER.length()).trim());
        } catch (TokenVerifier.Rejected e) {
            return refuse(call, e.known() ? Status.PERMISSION_DENIED : Status.UNAUTHENTICATED, e.getMessage());
        }
        if (!policies.isResolvable()) {
            return refuse(call, Status.PERMISSION_DENIED, "this service has no access policy: every call is refused");
        }
        AccessRule rule = policies.get().ruleFor(method).orElse(null);
        if (rule == null) {
            return refuse(call, Status.PERMISSION_DENIED, method + " is open to no one");
        }
        if (!rule.allows(caller)) {
            return refuse(call, Status.PERMISSION_DENIED, rule.refusal(caller, method));
        }
        String user = headers.get(USER);
        if (caller.userFacing() && user != null) {
            try {
                caller = caller.actingFor(verifier.user(user));
            } catch (TokenVerifier.Rejected e) {
                return refuse(call, Status.UNAUTHENTICATED, e.getMessage());
            }
        }
        Caller verified = caller;
        return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            @Override
            public void onMessage(Q message) {
                remember(verified);
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                remember(verified);
                super.onHalfClose();
            }
        };
    }

    private <Q, A> ServerCall.Listener<Q> refuse(ServerCall<Q, A> call, Status status, String why) {
        refused.warn("refused a gRPC call (" + status.getCode() + "): " + why);
        return GrpcStatuses.refuse(call, status.withDescription(why).asRuntimeException());
    }

    private static void remember(Caller caller) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            ContextLocals.put(KEY, caller);
        }
    }
}
