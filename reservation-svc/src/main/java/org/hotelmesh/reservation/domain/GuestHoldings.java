package org.hotelmesh.reservation.domain;

/** What a guest holds besides one booking: their unpaid holds, and their most rooms at one hotel on one night. */
public record GuestHoldings(long unpaidHolds, long mostRoomsOnANight) {
}
