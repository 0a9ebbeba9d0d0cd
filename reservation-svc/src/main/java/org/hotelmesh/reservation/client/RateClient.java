package org.hotelmesh.reservation.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.rate.v1.GetQuoteRequest;
import org.hotelmesh.proto.rate.v1.MutinyRateServiceGrpc.MutinyRateServiceStub;
import org.hotelmesh.proto.rate.v1.NightOccupancy;
import org.hotelmesh.proto.rate.v1.NightlyRate;
import org.hotelmesh.proto.rate.v1.PriceStayRequest;
import org.hotelmesh.proto.rate.v1.StayOccupancy;
import org.hotelmesh.reservation.domain.InventoryNight;
import org.hotelmesh.reservation.domain.Quote;
import org.hotelmesh.reservation.domain.StayPrice;
import org.hotelmesh.reservation.mapping.ReservationMapper;
import org.hotelmesh.support.client.DownstreamGuard;
import org.hotelmesh.support.client.DownstreamGuards;
import org.hotelmesh.support.client.Retry;
import org.hotelmesh.support.error.PreconditionFailed;
import org.hotelmesh.support.grpc.GrpcStatuses;
import org.hotelmesh.support.grpc.ProtoTypes;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * rate-svc, as bookings see it: the price of a stay now, or a quote the guest reviewed. Both calls are reads, but
 * only UNAVAILABLE (nothing reached rate-svc) is retried: a call that ran out of time may still be working there, and
 * the booking must fail fast rather than pile up behind a slow pricing service. An open circuit fails at once. One
 * guard, "rate-svc", for both.
 */
@ApplicationScoped
public class RateClient {

    private static final DownstreamGuard.Words WORDS = new DownstreamGuard.Words() {
        @Override
        public String unanswered(String call, Status.Code code) {
            return code == Status.Code.DEADLINE_EXCEEDED
                    ? "pricing did not answer in time; no reservation was made; retry shortly"
                    : "pricing is unavailable (rate-svc cannot be reached); no reservation was made; retry shortly";
        }

        @Override
        public String circuitOpen() {
            return "pricing is unavailable (rate-svc is failing; calls are paused for a few seconds); no reservation"
                    + " was made; retry shortly";
        }
    };

    private final MutinyRateServiceStub rates;
    private final DownstreamGuard guard;

    public RateClient(@GrpcClient("rate") MutinyRateServiceStub rates, DownstreamGuards guards) {
        this.rates = rates;
        this.guard = guards.of("rate-svc", WORDS);
    }

    /**
     * The price of the stay at this moment, given its {@code occupancy} as this service just read it (the inventory
     * rows of its nights), so rate-svc need not ask back. A night without a base price fails as
     * {@link PreconditionFailed}.
     */
    public Uni<StayPrice> priceStay(long hotelId, long roomTypeId, LocalDate startDate, LocalDate endDate,
            int rooms, List<InventoryNight> occupancy) {
        StayOccupancy.Builder nights = StayOccupancy.newBuilder();
        occupancy.forEach(night -> nights.addNights(NightOccupancy.newBuilder().setDate(ReservationMapper.toProto(night.date()))
                .setReserved(night.totalReserved()).setTotal(night.totalInventory())));
        return guard.call("PriceStay", Retry.WHEN_UNREACHABLE, () -> call()
                        .priceStay(PriceStayRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(roomTypeId)
                                .setStay(range(startDate, endDate)).setRooms(rooms).setOccupancy(nights).build()))
                .map(response -> toPrice(response.getNightsList(), response.getTotal()))
                .onFailure(StatusRuntimeException.class).transform(failure -> translate("PriceStay", failure));
    }

    /** The quote, or empty when rate-svc has never issued it. Expired quotes are returned too. */
    public Uni<Optional<Quote>> findQuote(String quoteId) {
        return guard.call("GetQuote", Retry.WHEN_UNREACHABLE, () -> call()
                        .getQuote(GetQuoteRequest.newBuilder().setQuoteId(quoteId).build()))
                .map(response -> Optional.of(toQuote(response.getQuote())))
                .onFailure(failure -> GrpcStatuses.status(failure).getCode() == Status.Code.NOT_FOUND)
                .recoverWithItem(Optional.empty())
                .onFailure(StatusRuntimeException.class).transform(failure -> translate("GetQuote", failure));
    }

    private MutinyRateServiceStub call() {
        return rates.withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What rate-svc answered, other than no answer (the guard's {@code DownstreamUnavailable}). */
    private static Throwable translate(String call, Throwable failure) {
        Status status = GrpcStatuses.status(failure);
        return switch (status.getCode()) {
            // No base price for some nights, or the room type went away since the catalog was read.
            case FAILED_PRECONDITION, NOT_FOUND -> new PreconditionFailed(status.getDescription());
            // The booking was validated with the same rules; pass rate-svc's field errors through unchanged.
            case INVALID_ARGUMENT -> failure;
            default -> new IllegalStateException("rate-svc " + call + " failed", failure);
        };
    }

    static StayPrice toPrice(List<NightlyRate> nights, Money total) {
        String currency = total.getCurrency();
        List<Long> nightly = nights.stream().map(night -> {
            if (!night.hasPrice() || !night.getPrice().getCurrency().equals(currency)) {
                throw new IllegalStateException("rate-svc priced night " + night.getDate() + " without a price in "
                        + currency);
            }
            return night.getPrice().getAmountMinor();
        }).toList();
        return new StayPrice(currency, nightly, total.getAmountMinor());
    }

    static Quote toQuote(org.hotelmesh.proto.rate.v1.Quote q) {
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(q.getExpiresAt());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("rate-svc sent quote " + q.getQuoteId() + " with expiry '"
                    + q.getExpiresAt() + "'", e);
        }
        return new Quote(q.getQuoteId(), q.getReservationId(), q.getGuestId(), q.getHotelId(), q.getRoomTypeId(),
                ProtoTypes.startDate(q.getStay()), ProtoTypes.endDate(q.getStay()), q.getRooms(),
                toPrice(q.getNightsList(), q.getTotal()), expiresAt);
    }

    private static DateRange range(LocalDate start, LocalDate end) {
        return DateRange.newBuilder().setStartDate(ReservationMapper.toProto(start))
                .setEndDate(ReservationMapper.toProto(end)).build();
    }
}
