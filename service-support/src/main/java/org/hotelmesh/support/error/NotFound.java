package org.hotelmesh.support.error;

import io.grpc.Status;

/** What the request names does not exist (or is not the caller's to see): NOT_FOUND. */
public class NotFound extends ServiceException {

    public NotFound(String message) {
        super(Status.Code.NOT_FOUND, message);
    }

    public static NotFound hotel(long hotelId) {
        return new NotFound("hotel " + hotelId + " not found");
    }

    public static NotFound roomType(long hotelId, long roomTypeId) {
        return new NotFound("room type " + roomTypeId + " not found in hotel " + hotelId);
    }

    public static NotFound reservation(String reservationId) {
        return new NotFound("reservation " + reservationId + " not found");
    }

    public static NotFound room(long hotelId, long roomId) {
        return new NotFound("room " + roomId + " not found in hotel " + hotelId);
    }
}
