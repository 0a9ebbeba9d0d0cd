package org.hotelmesh.rate.domain;

/** hotel-svc did not answer in time or is down (maps to UNAVAILABLE). */
public final class CatalogUnavailable extends RateException {

    public CatalogUnavailable(String message) {
        super(message);
    }
}
