package org.hotelmesh.edge.api;

/** A city of the catalog, suggested to a guest typing a place: its name, country and hotel count. */
public record PlaceDto(String city, String country, int hotels) {
}
