package org.hotelmesh.hotel.domain;

/** The write would duplicate something that must be unique (maps to ALREADY_EXISTS). */
public final class Conflict extends CatalogException {

    public Conflict(String message) {
        super(message);
    }
}
