package org.hotelmesh.support.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;

/** How a guard tells "no answer" (retried, counted, named after its service) from an answer. */
class DownstreamGuardTest {

    private static final DownstreamGuard.Words WORDS = new DownstreamGuard.Words() {
        @Override
        public String unanswered(String call, Status.Code code) {
            return call + " " + code;
        }

        @Override
        public String circuitOpen() {
            return "open";
        }
    };

    private static Throwable classify(Retry retry, Throwable failure) {
        return DownstreamGuard.classify("rate-svc", WORDS, "PriceStay", retry, failure);
    }

    private static StatusRuntimeException saidByTheService(String domain, String reason) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.UNAVAILABLE_VALUE)
                .setMessage("pricing is unavailable; retry shortly")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(domain).setReason(reason).build()))
                .build());
    }

    @Test
    void anUnavailableSaidByTheServiceKeepsItsWords() {
        var failure = assertInstanceOf(DownstreamUnavailable.class, classify(Retry.WHEN_UNREACHABLE_OR_SLOW,
                saidByTheService("hotelmesh", "DEPENDENCY_UNAVAILABLE")));

        assertEquals("pricing is unavailable; retry shortly", failure.explanation());
        assertEquals(DownstreamUnavailable.Reason.UNREACHABLE, failure.reason());
        assertEquals("rate-svc", failure.service());
        assertEquals("PriceStay UNAVAILABLE", failure.getMessage());
    }

    @Test
    void anUnreachableServiceHasNoWordsOfItsOwn() {
        var transport = Status.UNAVAILABLE.withDescription("io exception").asRuntimeException();
        var foreign = saidByTheService("example.com", "DEPENDENCY_UNAVAILABLE");

        assertNull(((DownstreamUnavailable) classify(Retry.NEVER, transport)).explanation());
        assertNull(((DownstreamUnavailable) classify(Retry.NEVER, foreign)).explanation());
        assertEquals(DownstreamUnavailable.Reason.TOO_SLOW, ((DownstreamUnavailable) classify(Retry.NEVER,
                Status.DEADLINE_EXCEEDED.asRuntimeException())).reason());
    }

    @Test
    void aCallRefusedByAGoAwayIsUnreachable() {
        var refused = Status.INTERNAL.withDescription("Connection closed after GOAWAY. HTTP/2 error code: "
                + "PROTOCOL_ERROR, debug data: Request stream 3 is not correct for server connection")
                .asRuntimeException();

        var failure = assertInstanceOf(DownstreamUnavailable.class, classify(Retry.WHEN_UNREACHABLE, refused));
        assertEquals(DownstreamUnavailable.Reason.UNREACHABLE, failure.reason());
        assertNull(failure.explanation());
    }

    @Test
    void aConnectionShedUnderLoadIsUnreachableRetriedAndNotADeadService() {
        var shed = Status.RESOURCE_EXHAUSTED.withDescription("Connection closed after GOAWAY. HTTP/2 error code: "
                + "ENHANCE_YOUR_CALM, debug data: Maximum number of RST frames reached").asRuntimeException();

        var failure = assertInstanceOf(DownstreamUnavailable.class, classify(Retry.WHEN_UNREACHABLE, shed));
        assertEquals(DownstreamUnavailable.Reason.UNREACHABLE, failure.reason());
        assertTrue(failure.retryable());
        assertFalse(DownstreamGuard.looksDead(failure), "a server that sends a GOAWAY is alive");
        // the service's own "slow down" stays what it is
        var slowDown = Status.RESOURCE_EXHAUSTED.withDescription("booking queue full").asRuntimeException();
        assertSame(slowDown, classify(Retry.WHEN_UNREACHABLE, slowDown));
    }

    @Test
    void eachCallSaysWhichUnansweredAttemptsMayBeRepeated() {
        var unreachable = Status.UNAVAILABLE.asRuntimeException();
        var slow = Status.DEADLINE_EXCEEDED.asRuntimeException();

        assertFalse(((DownstreamUnavailable) classify(Retry.NEVER, unreachable)).retryable());
        assertTrue(((DownstreamUnavailable) classify(Retry.WHEN_UNREACHABLE, unreachable)).retryable());
        assertFalse(((DownstreamUnavailable) classify(Retry.WHEN_UNREACHABLE, slow)).retryable());
        assertTrue(((DownstreamUnavailable) classify(Retry.WHEN_UNREACHABLE_OR_SLOW, slow)).retryable());
    }

    @Test
    void onlyACallThatCouldNotReachTheServiceCountsTowardsOpeningTheCircuit() {
        assertTrue(DownstreamGuard.looksDead(classify(Retry.NEVER, Status.UNAVAILABLE.asRuntimeException())));
        assertFalse(DownstreamGuard.looksDead(classify(Retry.NEVER, Status.DEADLINE_EXCEEDED.asRuntimeException())),
                "a slow answer comes from a live service");
        assertFalse(DownstreamGuard.looksDead(classify(Retry.NEVER,
                saidByTheService("hotelmesh", "DEPENDENCY_UNAVAILABLE"))), "the service answered: it is alive");
        assertFalse(DownstreamGuard.looksDead(Status.RESOURCE_EXHAUSTED.asRuntimeException()));
    }

    @Test
    void anAnswerPassesOnUnchanged() {
        var notFound = Status.NOT_FOUND.withDescription("no such quote").asRuntimeException();
        assertSame(notFound, classify(Retry.WHEN_UNREACHABLE_OR_SLOW, notFound));
        var bug = new IllegalStateException("bug");
        assertSame(bug, classify(Retry.WHEN_UNREACHABLE_OR_SLOW, bug));
    }
}
