package org.hotelmesh.edge.api;

import java.util.List;

/** Every room type of a hotel for one stay, ordered by id, available or not. */
public record HotelOffersDto(String hotelID, String startDate, String endDate, int rooms, int guests,
        List<OfferDto> offers) {
}
