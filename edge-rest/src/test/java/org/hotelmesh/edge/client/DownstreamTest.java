package org.hotelmesh.edge.client;

import com.google.protobuf.Any;
import com.google.rpc.Code;
import com.google.rpc.ErrorInfo;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** How a service's gRPC failure becomes what the edge answers. */
class DownstreamTest {

    private static StatusRuntimeException saidByTheService(String domain, String reason) {
        return StatusProto.toStatusRuntimeException(com.google.rpc.Status.newBuilder()
                .setCode(Code.UNAVAILABLE_VALUE)
                .setMessage("pricing is unavailable; retry shortly")
                .addDetails(Any.pack(ErrorInfo.newBuilder().setDomain(domain).setReason(reason).build()))
                .build());
    }

    @Test
    void anUnavailableSaidByTheServiceKeepsItsWords() {
        var failure = (DownstreamUnavailableException) Downstream.RESERVATIONS.classify(
                saidByTheService("hotelmesh", "DEPENDENCY_UNAVAILABLE"));

        assertEquals("pricing is unavailable; retry shortly", failure.explanation());
        assertEquals(Status.Code.UNAVAILABLE, failure.code());
        assertSame(Downstream.RESERVATIONS, failure.downstream());
    }

    @Test
    void anUnreachableServiceHasNoWordsOfItsOwn() {
        var transport = Status.UNAVAILABLE.withDescription("io exception").asRuntimeException();
        var foreign = saidByTheService("example.com", "DEPENDENCY_UNAVAILABLE");

        assertNull(((DownstreamUnavailableException) Downstream.RATES.classify(transport)).explanation());
        assertNull(((DownstreamUnavailableException) Downstream.RATES.classify(foreign)).explanation());
        assertEquals(Status.Code.DEADLINE_EXCEEDED, ((DownstreamUnavailableException) Downstream.RATES.classify(
                Status.DEADLINE_EXCEEDED.asRuntimeException())).code());
    }

    @Test
    void aCallRefusedByAGoAwayIsRetriedLikeAnUnreachableService() {
        var refused = Status.INTERNAL.withDescription("Connection closed after GOAWAY. HTTP/2 error code: "
                + "PROTOCOL_ERROR, debug data: Request stream 3 is not correct for server connection").asRuntimeException();

        var failure = assertInstanceOf(DownstreamUnavailableException.class, Downstream.RATES.classify(refused));
        assertEquals(Status.Code.UNAVAILABLE, failure.code());
        assertNull(failure.explanation());
    }

    @Test
    void statusesMeaninglessToAClientBecomeFailuresOfTheServiceAndTheRestPassOn() {
        assertInstanceOf(DownstreamFailedException.class,
                Downstream.RATES.classify(Status.INTERNAL.withDescription("NPE").asRuntimeException()));
        var notFound = Status.NOT_FOUND.withDescription("no such quote").asRuntimeException();
        assertSame(notFound, Downstream.RATES.classify(notFound));
    }

    @Test
    void anOpenCircuitIsAttributedToItsClient() {
        assertSame(Downstream.RATES, Downstream.of(new CircuitBreakerOpenException(
                "org.hotelmesh.edge.client.RateClient.quote circuit breaker is open")));
        assertSame(Downstream.RESERVATIONS, Downstream.of(new CircuitBreakerOpenException(
                "org.hotelmesh.edge.client.ReservationClient.getReservation circuit breaker is open")));
        assertSame(Downstream.CATALOG, Downstream.of(new CircuitBreakerOpenException(
                "org.hotelmesh.edge.client.HotelClient.getHotel circuit breaker is open")));
    }
}
