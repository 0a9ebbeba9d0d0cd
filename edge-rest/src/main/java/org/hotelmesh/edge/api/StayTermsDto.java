package org.hotelmesh.edge.api;

/** A stay as it was before or after a change: room type, dates, rooms and its total. */
public record StayTermsDto(String roomTypeID, String startDate, String endDate, int rooms, MoneyDto total) {
}
