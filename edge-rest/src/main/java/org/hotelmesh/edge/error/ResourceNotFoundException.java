package org.hotelmesh.edge.error;

/** The addressed hotel, room type or room does not exist: 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String detail) {
        super(detail);
    }
}
