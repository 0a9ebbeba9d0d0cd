package org.hotelmesh.rate.grpc;

import java.util.List;

import jakarta.inject.Singleton;

import org.hotelmesh.proto.rate.v1.RateServiceGrpc;
import org.hotelmesh.proto.rate.v1.SearchServiceGrpc;
import org.hotelmesh.support.identity.AccessPolicy;
import org.hotelmesh.support.identity.AccessRule;

/**
 * Who may call rate-svc: nightly prices and the stay search are public; reservation-svc prices bookings and reads the quotes they cite;
 * a hotel's rates and rules are its staff's (through the edge) or a tool's granted {@value #WRITE}; a quote is its
 * guest's.
 */
@Singleton
public class RateAccessPolicy extends AccessPolicy {

    /** The role a tool needs to change rates and rules or to quote for a guest. */
    public static final String WRITE = "rate.write";

    RateAccessPolicy() {
        AccessRule staffReads = AccessRule.services("edge-rest").orTools();
        AccessRule writes = AccessRule.services("edge-rest").orToolsWith(WRITE);

        rule(RateServiceGrpc.getGetNightlyRatesMethod(), AccessRule.anyone());
        rule(RateServiceGrpc.getPriceStayMethod(), AccessRule.services("reservation-svc", "edge-rest").orTools());
        rule(RateServiceGrpc.getGetBaseRatesMethod(), staffReads);
        rule(RateServiceGrpc.getGetPricingRulesMethod(), staffReads);
        rule(RateServiceGrpc.getSetBaseRatesMethod(), writes);
        rule(RateServiceGrpc.getSetPricingRulesMethod(), writes);
        rule(RateServiceGrpc.getCreateQuoteMethod(), writes);
        rule(RateServiceGrpc.getGetQuoteMethod(), AccessRule.services("reservation-svc", "edge-rest").orTools());

        rule(SearchServiceGrpc.getSearchStaysMethod(), AccessRule.anyone());
        rule(SearchServiceGrpc.getGetHotelOffersMethod(), AccessRule.anyone());

        coverAll(List.of(RateServiceGrpc.getServiceDescriptor(), SearchServiceGrpc.getServiceDescriptor()));
    }
}
