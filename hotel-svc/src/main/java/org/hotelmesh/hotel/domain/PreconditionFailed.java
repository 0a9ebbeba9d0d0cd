package org.hotelmesh.hotel.domain;

/** The request is valid but the current state forbids it (maps to FAILED_PRECONDITION). */
public final class PreconditionFailed extends CatalogException {

    public PreconditionFailed(String message) {
        super(message);
    }
}
