package org.hotelmesh.edge.client;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/** The services behind the edge, with the words a client reads when one of them fails. */
public enum Downstream {

    CATALOG("hotel-svc",
            "The hotel catalog could not be reached; retry later",
            "The hotel catalog did not answer in time; retry later",
            "The hotel catalog is temporarily unavailable; retry in a few seconds",
            "The hotel catalog failed to process the request"),
    RESERVATIONS("reservation-svc",
            "Reservations are temporarily unavailable; the reservation service could not be reached, retry later",
            "Reservations are temporarily unavailable; the reservation service did not answer in time, retry later",
            "Reservations are temporarily unavailable; retry in a few seconds",
            "The reservation service failed to process the request");

    private final String service;
    private final String unreachable;
    private final String tooSlow;
    private final String circuitOpen;
    private final String failed;

    Downstream(String service, String unreachable, String tooSlow, String circuitOpen, String failed) {
        this.service = service;
        this.unreachable = unreachable;
        this.tooSlow = tooSlow;
        this.circuitOpen = circuitOpen;
        this.failed = failed;
    }

    public String service() {
        return service;
    }

    public String unreachable() {
        return unreachable;
    }

    public String tooSlow() {
        return tooSlow;
    }

    public String circuitOpen() {
        return circuitOpen;
    }

    public String failed() {
        return failed;
    }

    /**
     * Whose circuit is open. The exception carries no more than its message, which SmallRye Fault Tolerance builds
     * from the guarded method ("org.hotelmesh.edge.client.ReservationClient.get circuit breaker is open"); the
     * dead-service tests pin that down.
     */
    public static Downstream of(CircuitBreakerOpenException e) {
        String message = e.getMessage();
        return message != null && message.contains(ReservationClient.class.getSimpleName()) ? RESERVATIONS : CATALOG;
    }
}
