package org.hotelmesh.reservation.client;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.rate.v1.GetQuoteRequest;
import org.hotelmesh.proto.rate.v1.MutinyRateServiceGrpc.MutinyRateServiceStub;
import org.hotelmesh.proto.rate.v1.NightlyRate;
import org.hotelmesh.proto.rate.v1.PriceStayRequest;
import org.hotelmesh.reservation.config.RatesConfig;
import org.hotelmesh.reservation.domain.PreconditionFailed;
import org.hotelmesh.reservation.domain.PricingUnavailable;
import org.hotelmesh.reservation.domain.Quote;
import org.hotelmesh.reservation.domain.StayPrice;
import org.hotelmesh.reservation.mapping.ReservationMapper;
import org.hotelmesh.support.GrpcStatuses;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * rate-svc, as bookings see it: the price of a stay now, or a quote the guest reviewed. Both calls are reads, but
 * only UNAVAILABLE (nothing reached rate-svc) is retried: a call that ran out of time may still be working there, and
 * the booking must fail fast rather than pile up behind a slow pricing service. An open circuit fails at once.
 */
@ApplicationScoped
public class RateClient {

    private final MutinyRateServiceStub rates;
    private final RatesConfig config;

    public RateClient(@GrpcClient("rate") MutinyRateServiceStub rates, RatesConfig config) {
        this.rates = rates;
        this.config = config;
    }

    /** The price of the stay at this moment. A night without a base price fails as {@link PreconditionFailed}. */
    @Retry(maxRetries = 2, delay = 50, delayUnit = ChronoUnit.MILLIS, jitter = 25, retryOn = Unreachable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = PricingUnavailable.class)
    public Uni<StayPrice> priceStay(long hotelId, long roomTypeId, LocalDate startDate, LocalDate endDate,
            int rooms) {
        return Uni.createFrom().deferred(() -> rates
                        .withDeadlineAfter(config.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .priceStay(PriceStayRequest.newBuilder().setHotelId(hotelId).setRoomTypeId(roomTypeId)
                                .setStay(range(startDate, endDate)).setRooms(rooms).build()))
                .map(response -> toPrice(response.getNightsList(), response.getTotal()))
                .onFailure().transform(failure -> translate("PriceStay", failure));
    }

    /** The quote, or empty when rate-svc has never issued it. Expired quotes are returned too. */
    @Retry(maxRetries = 2, delay = 50, delayUnit = ChronoUnit.MILLIS, jitter = 25, retryOn = Unreachable.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS,
            failOn = PricingUnavailable.class)
    public Uni<Optional<Quote>> findQuote(String quoteId) {
        return Uni.createFrom().deferred(() -> rates
                        .withDeadlineAfter(config.deadline().toMillis(), TimeUnit.MILLISECONDS)
                        .getQuote(GetQuoteRequest.newBuilder().setQuoteId(quoteId).build()))
                .map(response -> Optional.of(toQuote(response.getQuote())))
                .onFailure(failure -> GrpcStatuses.status(failure).getCode() == Status.Code.NOT_FOUND)
                .recoverWithItem(Optional.empty())
                .onFailure().transform(failure -> translate("GetQuote", failure));
    }

    /** UNAVAILABLE: the call never reached rate-svc (or it refused it), so trying again is safe and may help. */
    static final class Unreachable extends PricingUnavailable {
        Unreachable(String message) {
            super(message);
        }
    }

    private static Throwable translate(String call, Throwable failure) {
        if (failure instanceof PricingUnavailable || failure instanceof PreconditionFailed) {
            return failure;
        }
        Status status = GrpcStatuses.status(failure);
        return switch (status.getCode()) {
            case UNAVAILABLE -> new Unreachable("pricing is unavailable (rate-svc cannot be reached); no reservation"
                    + " was made; retry shortly");
            case DEADLINE_EXCEEDED -> new PricingUnavailable("pricing did not answer in time; no reservation was"
                    + " made; retry shortly");
            // No base price for some nights, or the room type went away since the catalog was read.
            case FAILED_PRECONDITION, NOT_FOUND -> new PreconditionFailed(status.getDescription());
            // The booking was validated with the same rules; pass rate-svc's field errors through unchanged.
            case INVALID_ARGUMENT -> failure instanceof StatusRuntimeException ? failure
                    : status.asRuntimeException();
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
                ReservationMapper.startDate(q.getStay()), ReservationMapper.endDate(q.getStay()), q.getRooms(),
                toPrice(q.getNightsList(), q.getTotal()), expiresAt);
    }

    private static DateRange range(LocalDate start, LocalDate end) {
        return DateRange.newBuilder().setStartDate(ReservationMapper.toProto(start))
                .setEndDate(ReservationMapper.toProto(end)).build();
    }
}
