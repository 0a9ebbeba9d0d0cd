package org.hotelmesh.hotel.client;

import org.hotelmesh.hotel.domain.ReservationsUnavailable;

import io.grpc.Status;

/** Failure translation shared by the clients of reservation-svc. */
final class ReservationsCalls {

    private ReservationsCalls() {
    }

    /**
     * UNAVAILABLE and DEADLINE_EXCEEDED become {@link ReservationsUnavailable}, the only failure worth a retry;
     * any other status is a real answer and passes through unchanged.
     */
    static Throwable unavailableOrSelf(String rpc, Throwable failure) {
        Status.Code code = Status.fromThrowable(failure).getCode();
        if (code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED) {
            return new ReservationsUnavailable("reservation-svc " + rpc + " failed: " + code
                    + describe(Status.fromThrowable(failure)));
        }
        return failure;
    }

    private static String describe(Status status) {
        return status.getDescription() == null ? "" : " (" + status.getDescription() + ")";
    }
}
