package org.hotelmesh.rate.domain;

/** A base price of one room type of one hotel, as the stay search reads many hotels' at once. */
public record HotelBaseRate(long hotelId, long roomTypeId, BaseRate rate) {
}
