package org.hotelmesh.rate.mapping;

import org.hotelmesh.proto.rate.v1.GetHotelOffersResponse;
import org.hotelmesh.proto.rate.v1.HotelHit;
import org.hotelmesh.proto.rate.v1.SearchSort;
import org.hotelmesh.proto.rate.v1.SearchStaysRequest;
import org.hotelmesh.proto.rate.v1.SearchStaysResponse;
import org.hotelmesh.proto.common.v1.PageInfo;
import org.hotelmesh.rate.search.Hit;
import org.hotelmesh.rate.search.Offer;
import org.hotelmesh.rate.search.SearchAsk;
import org.hotelmesh.rate.search.StaySearch.HotelOffers;
import org.hotelmesh.rate.search.StaySearch.SearchPage;
import org.hotelmesh.support.grpc.ProtoTypes;

/** The stay search's messages and their Java counterparts. */
public final class SearchMapper {

    private SearchMapper() {
    }

    public static SearchAsk toDomain(SearchStaysRequest in) {
        return new SearchAsk(optional(in.getCity()), optional(in.getCountry()), ProtoTypes.startDate(in.getStay()),
                ProtoTypes.endDate(in.getStay()), in.getRooms(), in.getGuests(),
                in.getSort() == SearchSort.RATING ? SearchAsk.Order.RATING : SearchAsk.Order.PRICE,
                in.getPage().getPageSize(), optional(in.getPage().getPageToken()));
    }

    public static SearchStaysResponse toProto(SearchPage page) {
        return SearchStaysResponse.newBuilder()
                .addAllHits(page.hits().stream().map(SearchMapper::toProto).toList())
                .setPage(PageInfo.newBuilder()
                        .setNextPageToken(page.nextPageToken() == null ? "" : page.nextPageToken())
                        .setTotalSize(page.totalSize()))
                .build();
    }

    public static GetHotelOffersResponse toProto(HotelOffers offers) {
        return GetHotelOffersResponse.newBuilder()
                .setHotel(offers.hotel().getHotel())
                .addAllOffers(offers.offers().stream().map(SearchMapper::toProto).toList())
                .build();
    }

    static HotelHit toProto(Hit hit) {
        Offer cheapest = hit.cheapest();
        return HotelHit.newBuilder()
                .setHotel(hit.hotel())
                .setCheapestTotal(ProtoTypes.money(cheapest.totalMinor(), cheapest.currency()))
                .addAllOffers(hit.offers().stream().map(SearchMapper::toProto).toList())
                .build();
    }

    static org.hotelmesh.proto.rate.v1.Offer toProto(Offer offer) {
        var details = offer.roomType().getDetails();
        org.hotelmesh.proto.rate.v1.Offer.Builder b = org.hotelmesh.proto.rate.v1.Offer.newBuilder()
                .setRoomTypeId(offer.roomType().getId())
                .setName(details.getName())
                .setMaxOccupancy(details.getMaxOccupancy())
                .setBedConfiguration(details.getBedConfiguration())
                .addAllAmenities(details.getAmenitiesList())
                .setFits(offer.fits())
                .setAvailable(offer.available())
                .setRoomsLeft(offer.roomsLeft())
                .addAllNights(RateMapper.nights(offer.nights()));
        if (offer.priced()) {
            b.setTotal(ProtoTypes.money(offer.totalMinor(), offer.currency()));
        }
        return b.build();
    }

    private static String optional(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
