package org.hotelmesh.hotel.domain;

/** Optional filters of the hotel list (null = no filter). */
public record HotelFilter(String city, String country) {
}
