package org.hotelmesh.rate.grpc;

import org.hotelmesh.proto.rate.v1.CreateQuoteRequest;
import org.hotelmesh.proto.rate.v1.CreateQuoteResponse;
import org.hotelmesh.proto.rate.v1.GetBaseRatesRequest;
import org.hotelmesh.proto.rate.v1.GetBaseRatesResponse;
import org.hotelmesh.proto.rate.v1.GetNightlyRatesRequest;
import org.hotelmesh.proto.rate.v1.GetNightlyRatesResponse;
import org.hotelmesh.proto.rate.v1.GetPricingRulesRequest;
import org.hotelmesh.proto.rate.v1.GetPricingRulesResponse;
import org.hotelmesh.proto.rate.v1.GetQuoteRequest;
import org.hotelmesh.proto.rate.v1.GetQuoteResponse;
import org.hotelmesh.proto.rate.v1.PriceStayRequest;
import org.hotelmesh.proto.rate.v1.PriceStayResponse;
import org.hotelmesh.proto.rate.v1.RateService;
import org.hotelmesh.proto.rate.v1.SetBaseRatesRequest;
import org.hotelmesh.proto.rate.v1.SetBaseRatesResponse;
import org.hotelmesh.proto.rate.v1.SetPricingRulesRequest;
import org.hotelmesh.proto.rate.v1.SetPricingRulesResponse;
import org.hotelmesh.rate.mapping.RateMapper;
import org.hotelmesh.rate.service.BaseRatesService;
import org.hotelmesh.rate.service.Prices;
import org.hotelmesh.rate.service.PricingRulesService;
import org.hotelmesh.rate.service.QuoteService;
import org.hotelmesh.store.StoreOutage;
import org.hotelmesh.support.grpc.ErrorTranslator;
import org.hotelmesh.support.identity.Access;
import org.hotelmesh.support.identity.Caller;
import org.hotelmesh.support.grpc.ProtoTypes;

import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;

/**
 * The gRPC face of rate-svc: maps proto to domain and back; failures become statuses through the shared
 * {@link ErrorTranslator}.
 */
@GrpcService
public class RateGrpcService implements RateService {

    static final ErrorTranslator ERRORS = new ErrorTranslator("rate", StoreOutage::detected);

    private final Prices pricing;
    private final BaseRatesService baseRates;
    private final PricingRulesService rules;
    private final QuoteService quotes;

    public RateGrpcService(Prices pricing, BaseRatesService baseRates, PricingRulesService rules,
            QuoteService quotes) {
        this.pricing = pricing;
        this.baseRates = baseRates;
        this.rules = rules;
        this.quotes = quotes;
    }

    @Override
    public Uni<GetNightlyRatesResponse> getNightlyRates(GetNightlyRatesRequest request) {
        return ERRORS.serve(() -> pricing.nightlyRates(request.getHotelId(), request.getRoomTypeId(),
                        ProtoTypes.startDate(request.getStay()), ProtoTypes.endDate(request.getStay()))
                .map(nights -> GetNightlyRatesResponse.newBuilder().addAllNights(RateMapper.nights(nights)).build()));
    }

    @Override
    public Uni<PriceStayResponse> priceStay(PriceStayRequest request) {
        return ERRORS.serve(() -> pricing.priceStay(RateMapper.toDomain(request), false,
                        RateMapper.occupancy(request))
                .map(price -> PriceStayResponse.newBuilder().addAllNights(RateMapper.nights(price.nights()))
                        .setTotal(RateMapper.total(price)).build()));
    }

    @Override
    public Uni<SetBaseRatesResponse> setBaseRates(SetBaseRatesRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return baseRates.set(RateMapper.toDomain(request))
                    .map(nights -> SetBaseRatesResponse.newBuilder().setNightsSet(nights).build());
        });
    }

    @Override
    public Uni<GetBaseRatesResponse> getBaseRates(GetBaseRatesRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return baseRates.get(request.getHotelId(), request.getRoomTypeId(),
                            ProtoTypes.startDate(request.getDates()), ProtoTypes.endDate(request.getDates()))
                    .map(rates -> GetBaseRatesResponse.newBuilder()
                            .addAllRates(rates.stream().map(RateMapper::toProto).toList()).build());
        });
    }

    @Override
    public Uni<GetPricingRulesResponse> getPricingRules(GetPricingRulesRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getHotelId());
            return rules.get(request.getHotelId(), request.getRoomTypeId())
                    .map(r -> GetPricingRulesResponse.newBuilder().setRules(RateMapper.toProto(r)).build());
        });
    }

    @Override
    public Uni<SetPricingRulesResponse> setPricingRules(SetPricingRulesRequest request) {
        return ERRORS.serve(() -> {
            Access.caller().requireStaffOf(request.getRules().getHotelId());
            return rules.set(RateMapper.toDomain(request.getRules()))
                    .map(r -> SetPricingRulesResponse.newBuilder().setRules(RateMapper.toProto(r)).build());
        });
    }

    @Override
    public Uni<CreateQuoteResponse> createQuote(CreateQuoteRequest request) {
        return ERRORS.serve(() -> quotes.create(RateMapper.toDomain(
                        request.toBuilder().setGuestId(Access.caller().guest(request.getGuestId())).build()))
                .map(q -> CreateQuoteResponse.newBuilder().setQuote(RateMapper.toProto(q)).build()));
    }

    @Override
    public Uni<GetQuoteResponse> getQuote(GetQuoteRequest request) {
        return ERRORS.serve(() -> {
            Caller caller = Access.caller();
            return quotes.get(request.getQuoteId())
                    .invoke(q -> {
                        if (!caller.maySee(q.guestId(), q.hotelId())) {
                            throw QuoteService.notFound(request.getQuoteId());
                        }
                    })
                    .map(q -> GetQuoteResponse.newBuilder().setQuote(RateMapper.toProto(q)).build());
        });
    }
}
