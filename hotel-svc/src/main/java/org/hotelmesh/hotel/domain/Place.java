package org.hotelmesh.hotel.domain;

/** A city of the catalog, as the search suggests it: its name, country and how many hotels it has. */
public record Place(String city, String country, int hotels) {
}
