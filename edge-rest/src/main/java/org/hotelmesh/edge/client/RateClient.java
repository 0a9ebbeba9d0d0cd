package org.hotelmesh.edge.client;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.edge.api.BaseRateDto;
import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.HotelOffersDto;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.SearchHitDto;
import org.hotelmesh.edge.api.NightRateDto;
import org.hotelmesh.edge.api.PricingRulesDto;
import org.hotelmesh.edge.api.QuoteDto;
import org.hotelmesh.edge.mapping.RateMapper;
import org.hotelmesh.edge.mapping.ReservationMapper;
import org.hotelmesh.edge.mapping.SearchMapper;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.rate.v1.CreateQuoteRequest;
import org.hotelmesh.proto.rate.v1.DayOfWeek;
import org.hotelmesh.proto.rate.v1.GetBaseRatesRequest;
import org.hotelmesh.proto.rate.v1.GetNightlyRatesRequest;
import org.hotelmesh.proto.rate.v1.GetPricingRulesRequest;
import org.hotelmesh.proto.rate.v1.GetQuoteRequest;
import org.hotelmesh.proto.rate.v1.GetHotelOffersRequest;
import org.hotelmesh.proto.rate.v1.MutinyRateServiceGrpc;
import org.hotelmesh.proto.rate.v1.MutinySearchServiceGrpc;
import org.hotelmesh.proto.rate.v1.SearchStaysRequest;
import org.hotelmesh.proto.rate.v1.SetBaseRatesRequest;
import org.hotelmesh.proto.rate.v1.SetPricingRulesRequest;
import org.hotelmesh.support.client.DownstreamGuard;
import org.hotelmesh.support.client.DownstreamGuards;
import org.hotelmesh.support.client.Retry;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.smallrye.mutiny.Uni;

/**
 * The edge's only door to rate-svc. Owns the deadline, retries and the one rate-svc guard, like
 * {@link HotelClient}. Every call may be retried: the writes replace what they set (setting the same base price or
 * rules twice changes nothing), and a quote created twice leaves one unused quote that expires.
 */
@ApplicationScoped
public class RateClient {

    private final MutinyRateServiceGrpc.MutinyRateServiceStub stub;
    private final MutinySearchServiceGrpc.MutinySearchServiceStub search;
    private final DownstreamGuard guard;

    public RateClient(@GrpcClient("rate") MutinyRateServiceGrpc.MutinyRateServiceStub stub,
                      @GrpcClient("rate") MutinySearchServiceGrpc.MutinySearchServiceStub search,
                      DownstreamGuards guards) {
        this.stub = stub;
        this.search = search;
        this.guard = Downstream.RATES.guard(guards);
    }

    /** The hotels of a place with an available offer for the stay (public). */
    public Uni<PageDto<SearchHitDto>> searchStays(SearchStaysRequest request) {
        return retried(() -> search.withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS)
                .searchStays(request)
                .map(SearchMapper::toDto));
    }

    /** Every room type of a hotel for the stay (public). */
    public Uni<HotelOffersDto> hotelOffers(long hotelId, DateSpan stay, int rooms, int guests) {
        return retried(() -> search.withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS)
                .getHotelOffers(GetHotelOffersRequest.newBuilder().setHotelId(hotelId)
                        .setStay(ReservationMapper.range(stay)).setRooms(rooms).setGuests(guests).build())
                .map(response -> SearchMapper.toDto(response, stay, rooms, guests)));
    }

    public Uni<List<NightRateDto>> nightlyRates(long hotelId, long roomTypeId, DateSpan span) {
        return retried(() -> call().getNightlyRates(GetNightlyRatesRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setStay(ReservationMapper.range(span)).build())
                .map(r -> r.getNightsList().stream().map(RateMapper::toDto).toList()));
    }

    public Uni<Integer> setBaseRates(long hotelId, long roomTypeId, DateSpan span, long amountMinor, String currency,
                                     List<DayOfWeek> daysOfWeek) {
        return retried(() -> call().setBaseRates(SetBaseRatesRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setDates(ReservationMapper.range(span))
                        .setAmount(Money.newBuilder().setAmountMinor(amountMinor).setCurrency(currency))
                        .addAllDaysOfWeek(daysOfWeek).build())
                .map(r -> r.getNightsSet()));
    }

    public Uni<List<BaseRateDto>> baseRates(long hotelId, long roomTypeId, DateSpan span) {
        return retried(() -> call().getBaseRates(GetBaseRatesRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setDates(ReservationMapper.range(span)).build())
                .map(r -> r.getRatesList().stream().map(RateMapper::toDto).toList()));
    }

    /** {@code roomTypeId} 0: the hotel's rules. */
    public Uni<PricingRulesDto> pricingRules(long hotelId, long roomTypeId) {
        return retried(() -> call().getPricingRules(GetPricingRulesRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).build())
                .map(r -> RateMapper.toDto(r.getRules())));
    }

    public Uni<PricingRulesDto> setPricingRules(long hotelId, long roomTypeId, PricingRulesDto rules) {
        return retried(() -> call().setPricingRules(SetPricingRulesRequest.newBuilder()
                        .setRules(RateMapper.toProto(hotelId, roomTypeId, rules)).build())
                .map(r -> RateMapper.toDto(r.getRules())));
    }

    public Uni<QuoteDto> createQuote(long hotelId, long roomTypeId, DateSpan stay, int rooms, String guestId) {
        return retried(() -> call().createQuote(CreateQuoteRequest.newBuilder().setHotelId(hotelId)
                        .setRoomTypeId(roomTypeId).setStay(ReservationMapper.range(stay)).setRooms(rooms)
                        .setGuestId(guestId).build())
                .map(r -> RateMapper.toDto(r.getQuote())));
    }

    /** The quote with its guest, or empty when rate-svc never issued it (or has purged it). */
    public Uni<Optional<GuestQuote>> quote(String quoteId) {
        return retried(() -> call().getQuote(GetQuoteRequest.newBuilder().setQuoteId(quoteId).build())
                .map(r -> Optional.of(new GuestQuote(r.getQuote().getGuestId(), RateMapper.toDto(r.getQuote())))))
                .onFailure(e -> e instanceof StatusRuntimeException s && s.getStatus().getCode() == Status.Code.NOT_FOUND)
                .recoverWithItem(Optional.empty());
    }

    /** A quote and the guest it was issued to, who alone may see it. */
    public record GuestQuote(String guestId, QuoteDto quote) {
    }

    /** A stub whose calls carry the configured deadline (gRPC deadlines are per call, not per stub lifetime). */
    private MutinyRateServiceGrpc.MutinyRateServiceStub call() {
        return stub.withDeadlineAfter(guard.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A call the guard may repeat when rate-svc gave no answer (a read, or a write that is safe twice); its
     * failures in the edge's terms ({@link Downstream}).
     */
    private <T> Uni<T> retried(Supplier<Uni<T>> call) {
        return Downstream.RATES.call(guard, Retry.WHEN_UNREACHABLE_OR_SLOW, call);
    }
}
