package org.hotelmesh.edge.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

import io.grpc.Status;

/** The edge's words for its downstreams; how a guard classifies failures is tested with the guard (service-support). */
class DownstreamTest {

    @Test
    void statusesMeaninglessToAClientBecomeFailuresOfTheServiceAndTheRestPassOn() {
        assertInstanceOf(DownstreamFailedException.class,
                Downstream.RATES.classify(Status.INTERNAL.withDescription("NPE").asRuntimeException()));
        var notFound = Status.NOT_FOUND.withDescription("no such quote").asRuntimeException();
        assertSame(notFound, Downstream.RATES.classify(notFound));
    }

    @Test
    void aGuardsFailureIsAttributedToTheServiceItIsNamedAfter() {
        for (Downstream downstream : Downstream.values()) {
            assertSame(downstream, Downstream.of(downstream.service()));
        }
        assertEquals("hotel-svc", Downstream.HOTELS.service());
        assertEquals("The hotel catalog did not answer in time; retry later",
                Downstream.HOTELS.unanswered("GetHotel", Status.Code.DEADLINE_EXCEEDED));
        assertEquals("Prices are temporarily unavailable; retry in a few seconds", Downstream.RATES.circuitOpen());
    }
}
