package org.hotelmesh.hotel.domain;

public final class NotFound extends CatalogException {

    public NotFound(String message) {
        super(message);
    }

    public static NotFound hotel(long hotelId) {
        return new NotFound("hotel " + hotelId + " not found");
    }

    public static NotFound roomType(long hotelId, long roomTypeId) {
        return new NotFound("room type " + roomTypeId + " not found in hotel " + hotelId);
    }

    public static NotFound room(long hotelId, long roomId) {
        return new NotFound("room " + roomId + " not found in hotel " + hotelId);
    }
}
