package org.hotelmesh.support.grpc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.rpc.BadRequest;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import com.google.rpc.RetryInfo;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** gRPC statuses built the same way by every service. */
public final class GrpcStatuses {

    /** The {@code google.rpc.ErrorInfo} domain of every status detail our services attach. */
    public static final String DOMAIN = "hotelmesh";
    /** ErrorInfo reason: the service answered, but something it depends on (store or service) is unavailable. */
    public static final String DEPENDENCY_UNAVAILABLE = "DEPENDENCY_UNAVAILABLE";

    private GrpcStatuses() {
    }

    /** Most field violations one answer carries: enough to fix a request, never a trailer too big to send. */
    static final int MAX_VIOLATIONS = 20;
    private static final int MAX_TEXT = 200;

    /**
     * INVALID_ARGUMENT with a {@code google.rpc.BadRequest} detail: one field violation per bad field (field name to
     * reason, in the order given, the first {@value #MAX_VIOLATIONS}, each cut to {@value #MAX_TEXT} characters), which
     * the edge turns into the problem's {@code errors}. However a request is built, the answer stays small.
     */
    public static StatusRuntimeException invalidArgument(String message, List<Map.Entry<String, String>> violations) {
        BadRequest.Builder badRequest = BadRequest.newBuilder();
        violations.stream().limit(MAX_VIOLATIONS).forEach(v -> badRequest.addFieldViolations(
                BadRequest.FieldViolation.newBuilder()
                        .setField(cut(v.getKey()))
                        .setDescription(cut(v.getValue()))));
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.INVALID_ARGUMENT_VALUE)
                .setMessage(cut(message))
                .addDetails(Any.pack(badRequest.build()))
                .build());
    }

    /**
     * UNAVAILABLE said by the service itself (a store or a service it depends on is down), as opposed to the
     * UNAVAILABLE a client's channel reports when it cannot reach the service at all. The {@code google.rpc.ErrorInfo}
     * detail ({@link #DOMAIN}, {@link #DEPENDENCY_UNAVAILABLE}) tells the two apart: a transport failure never carries
     * status details, so the edge can show this message to the client instead of a generic "could not be reached".
     */
    public static StatusRuntimeException unavailable(String message) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.UNAVAILABLE_VALUE)
                .setMessage(message)
                .addDetails(Any.pack(ErrorInfo.newBuilder()
                        .setDomain(DOMAIN)
                        .setReason(DEPENDENCY_UNAVAILABLE)
                        .build()))
                .build());
    }

    /** RESOURCE_EXHAUSTED with a {@code google.rpc.RetryInfo} saying when to try again. */
    public static StatusRuntimeException resourceExhausted(String message, Duration retryAfter) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.RESOURCE_EXHAUSTED_VALUE)
                .setMessage(message)
                .addDetails(Any.pack(RetryInfo.newBuilder()
                        .setRetryDelay(com.google.protobuf.Duration.newBuilder()
                                .setSeconds(retryAfter.getSeconds()).setNanos(retryAfter.getNano()))
                        .build()))
                .build());
    }

    /** The retry delay a status carries in its {@code google.rpc.RetryInfo}, if any. */
    public static Optional<Duration> retryAfter(Throwable failure) {
        com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
        if (rich == null) {
            return Optional.empty();
        }
        for (Any detail : rich.getDetailsList()) {
            if (detail.is(RetryInfo.class)) {
                try {
                    com.google.protobuf.Duration delay = detail.unpack(RetryInfo.class).getRetryDelay();
                    return Optional.of(Duration.ofSeconds(delay.getSeconds(), delay.getNanos()));
                } catch (InvalidProtocolBufferException unreadable) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The status of a failed call, as the service's clients classify it. One correction: grpc-java reports the calls a
     * server's GOAWAY refused ("Connection closed after GOAWAY") with a code made from the GOAWAY's HTTP/2 error:
     * INTERNAL for PROTOCOL_ERROR, RESOURCE_EXHAUSTED for ENHANCE_YOUR_CALM. Such calls were above the GOAWAY's last
     * stream, so the server never processed them: they are UNAVAILABLE, safe to retry even when not idempotent, and
     * never the service's own "slow down". Seen here when a Quarkus server whose gRPC shares the HTTP port answers a
     * call its client had already cancelled (a missed deadline): the late answer tears the whole HTTP/2 connection
     * down (quarkusio/quarkus#56268 reports the same teardown); and when a burst of calls past their deadline sends the
     * server more stream resets than its guard against rapid-reset floods allows (ENHANCE_YOUR_CALM).
     */
    public static Status status(Throwable failure) {
        Status status = Status.fromThrowable(failure);
        if (refusedByGoAway(status)) {
            return Status.UNAVAILABLE.withDescription(status.getDescription()).withCause(failure);
        }
        return status;
    }

    /** Whether grpc-java says a GOAWAY refused the call before the server processed it. */
    public static boolean refusedByGoAway(Status status) {
        return status.getDescription() != null && status.getDescription().startsWith(REFUSED_BY_GOAWAY);
    }

    /** How grpc-java describes a call that a GOAWAY refused before the server processed it. */
    static final String REFUSED_BY_GOAWAY = "Connection closed after GOAWAY";

    /**
     * The service's own words when it answered UNAVAILABLE itself because something it depends on is down (see
     * {@link #unavailable}), null when the channel could not reach it: only a status a service sent carries the
     * ErrorInfo detail; a transport failure never has details.
     */
    public static String dependencyExplanation(Throwable failure) {
        com.google.rpc.Status rich = StatusProto.fromThrowable(failure);
        if (rich == null || rich.getMessage().isBlank()) {
            return null;
        }
        for (Any detail : rich.getDetailsList()) {
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
     * Answers a call with {@code answer} before it reaches the service (an interceptor turning it away) and gives the
     * listener of a call that will never see a message.
     */
    public static <Q, A> ServerCall.Listener<Q> refuse(ServerCall<Q, A> call, StatusRuntimeException answer) {
        call.close(answer.getStatus(), answer.getTrailers() == null ? new Metadata() : answer.getTrailers());
        return new ServerCall.Listener<>() {
        };
    }

    private static String cut(String text) {
        return text == null || text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT) + "...";
    }
}
