package org.hotelmesh.support.grpc;

import jakarta.enterprise.context.ApplicationScoped;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;

/**
 * Sends nothing on a call its client has cancelled (a missed deadline, a client that went away). The work behind the
 * call runs to its end (a booking or a charge must not stop half-way), but its late answer is dropped: with gRPC on
 * the HTTP port, writing to a stream the client has reset makes the server tear the whole HTTP/2 connection down with
 * GOAWAY(PROTOCOL_ERROR), failing every other call on it (quarkusio/quarkus#56268), so one slow call under load would
 * cost every caller sharing its connection. Applies to every service's every method.
 */
@ApplicationScoped
@GlobalInterceptor
public class CancelledCalls implements ServerInterceptor {

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
            ServerCallHandler<Q, A> next) {
        return next.startCall(new SimpleForwardingServerCall<>(call) {
            @Override
            public void sendHeaders(Metadata metadata) {
                if (!isCancelled()) {
                    super.sendHeaders(metadata);
                }
            }

            @Override
            public void sendMessage(A message) {
                if (!isCancelled()) {
                    super.sendMessage(message);
                }
            }

            @Override
            public void close(Status status, Metadata trailers) {
                if (!isCancelled()) {
                    super.close(status, trailers);
                }
            }
        }, headers);
    }
}
