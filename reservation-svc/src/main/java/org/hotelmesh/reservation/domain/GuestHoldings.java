package org.hotelmesh.reservation.domain;

/** What a guest holds: their unpaid holds, and their most rooms at one hotel on the nights of a booking. */
public record GuestHoldings(long unpaidHolds, long mostRoomsOnANight) {
}
