package org.hotelmesh.hotel.domain;

/** A postal address; line2 and postalCode may be null. */
public record Address(String line1, String line2, String city, String postalCode, String country) {
}
