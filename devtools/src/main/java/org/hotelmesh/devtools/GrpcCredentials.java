package org.hotelmesh.devtools;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/**
 * The headers a caller of the services' gRPC APIs sends: its own bearer token (a workload's or a tool's) and, for the
 * edge, the signed-in user's token in {@code x-hotelmesh-user}. For the tests, the bench and tools written in Java.
 * Headers already set (by an interceptor of the stub, which runs first) are kept.
 */
public final class GrpcCredentials {

    private static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> USER = Metadata.Key.of("x-hotelmesh-user", Metadata.ASCII_STRING_MARSHALLER);

    private GrpcCredentials() {
    }

    /** Every call carries {@code token} as the caller's bearer token. */
    public static ClientInterceptor bearer(String token) {
        return headers(token, null);
    }

    /** Every call is a user-facing workload's ({@code workloadToken}) made for the user of {@code userToken}. */
    public static ClientInterceptor forUser(String workloadToken, String userToken) {
        return headers(workloadToken, userToken);
    }

    private static ClientInterceptor headers(String bearer, String user) {
        return new ClientInterceptor() {
            @Override
            public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options,
                    Channel next) {
                return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<A> listener, Metadata headers) {
                        if (!headers.containsKey(AUTHORIZATION)) {
                            headers.put(AUTHORIZATION, "Bearer " + bearer);
                        }
                        if (user != null && !headers.containsKey(USER)) {
                            headers.put(USER, user);
                        }
                        super.start(listener, headers);
                    }
                };
            }
        };
    }
}
