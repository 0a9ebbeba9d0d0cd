package org.hotelmesh.edge.mapping;

import org.hotelmesh.edge.api.DateSpan;
import org.hotelmesh.edge.api.HotelOffersDto;
import org.hotelmesh.edge.api.MoneyDto;
import org.hotelmesh.edge.api.OfferDto;
import org.hotelmesh.edge.api.PageDto;
import org.hotelmesh.edge.api.PlaceDto;
import org.hotelmesh.edge.api.SearchHitDto;
import org.hotelmesh.proto.common.v1.Money;
import org.hotelmesh.proto.hotel.v1.Place;
import org.hotelmesh.proto.rate.v1.GetHotelOffersResponse;
import org.hotelmesh.proto.rate.v1.HotelHit;
import org.hotelmesh.proto.rate.v1.NightlyRate;
import org.hotelmesh.proto.rate.v1.Offer;
import org.hotelmesh.proto.rate.v1.SearchStaysResponse;

/** The stay search's messages as the API shows them. */
public final class SearchMapper {

    private SearchMapper() {
    }

    public static PageDto<SearchHitDto> toDto(SearchStaysResponse response) {
        return HotelMapper.toPage(response.getHitsList(), response.getPage(), SearchMapper::toDto);
    }

    public static HotelOffersDto toDto(GetHotelOffersResponse response, DateSpan stay, int rooms, int guests) {
        return new HotelOffersDto(String.valueOf(response.getHotel().getId()), stay.startDate().toString(),
                stay.endDate().toString(), rooms, guests, response.getOffersList().stream().map(SearchMapper::toDto)
                        .toList());
    }

    public static PlaceDto toDto(Place place) {
        return new PlaceDto(place.getCity(), place.getCountry(), place.getHotels());
    }

    static SearchHitDto toDto(HotelHit hit) {
        var details = hit.getHotel().getDetails();
        return new SearchHitDto(String.valueOf(hit.getHotel().getId()), details.getName(),
                details.hasAddress() ? HotelMapper.toDto(details.getAddress()) : null, details.getStarRating(),
                details.getTimeZone(), money(hit.getCheapestTotal()),
                hit.getOffersList().stream().map(SearchMapper::toDto).toList());
    }

    static OfferDto toDto(Offer offer) {
        return new OfferDto(String.valueOf(offer.getRoomTypeId()), offer.getName(), offer.getMaxOccupancy(),
                offer.getBedConfiguration().isEmpty() ? null : offer.getBedConfiguration(),
                offer.getAmenitiesList(), offer.getFits(), offer.getAvailable(), offer.getRoomsLeft(),
                offer.hasTotal() ? money(offer.getTotal()) : null,
                offer.getNightsList().stream().map(SearchMapper::night).toList());
    }

    private static OfferDto.Night night(NightlyRate night) {
        return new OfferDto.Night(ReservationMapper.date(night.getDate()),
                night.hasPrice() ? money(night.getPrice()) : null);
    }

    private static MoneyDto money(Money m) {
        return ReservationMapper.money(m);
    }
}
