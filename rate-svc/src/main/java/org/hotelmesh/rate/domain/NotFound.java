package org.hotelmesh.rate.domain;

/** The hotel, room type or quote does not exist (maps to NOT_FOUND). */
public final class NotFound extends RateException {

    public NotFound(String message) {
        super(message);
    }

    public static NotFound hotel(long hotelId) {
        return new NotFound("hotel " + hotelId + " not found");
    }

    public static NotFound roomType(long hotelId, long roomTypeId) {
        return new NotFound("room type " + roomTypeId + " not found in hotel " + hotelId);
    }

    public static NotFound quote(String quoteId) {
        return new NotFound("quote " + quoteId + " not found");
    }
}
