package org.hotelmesh.support.catalog;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.hotelmesh.support.client.DownstreamGuard;
import org.hotelmesh.support.client.DownstreamGuards;
import org.hotelmesh.support.client.Retry;
import org.hotelmesh.support.grpc.GrpcStatuses;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;

/**
 * hotel-svc's GetHotel, as the services that sell its hotels call it. Each such service implements it with its own
 * generated stub (the one thing that cannot be shared) and {@link #find}, which does the rest the same way for all:
 * the hotel-svc guard (a read, so retried when hotel-svc was unreachable or slow), NOT_FOUND as empty, any other
 * answer as a bug.
 */
public interface HotelDirectory {

    String SERVICE = "hotel-svc";

    DownstreamGuard.Words WORDS = new DownstreamGuard.Words() {
        @Override
        public String unanswered(String call, Status.Code code) {
            return "the hotel catalog is unavailable (" + code + "); retry shortly";
        }

        @Override
        public String circuitOpen() {
            return "the hotel catalog is unavailable (hotel-svc is failing; calls are paused for a few seconds);"
                    + " retry shortly";
        }
    };

    /** The hotel, or empty when hotel-svc does not know it. */
    Uni<Optional<HotelInfo>> findHotel(long hotelId);

    /** The hotel-svc guard of this process. */
    static DownstreamGuard guard(DownstreamGuards guards) {
        return guards.of(SERVICE, WORDS);
    }

    /** {@code getHotel}: one GetHotel call with the given deadline, mapped to the hotel. */
    static Uni<Optional<HotelInfo>> find(DownstreamGuard guard, long hotelId,
            Function<Duration, Uni<HotelInfo>> getHotel) {
        return guard.call("GetHotel", Retry.WHEN_UNREACHABLE_OR_SLOW, () -> getHotel.apply(guard.deadline()))
                .map(Optional::of)
                .onFailure(failure -> GrpcStatuses.status(failure).getCode() == Status.Code.NOT_FOUND)
                .recoverWithItem(Optional.empty())
                .onFailure(StatusRuntimeException.class).transform(failure -> new IllegalStateException(
                        "hotel-svc GetHotel(" + hotelId + ") failed", failure));
    }
}
