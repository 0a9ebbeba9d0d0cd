package org.hotelmesh.edge.security;

/** A valid caller without the right to do this: 403. */
public class AccessDeniedException extends RuntimeException {

    public AccessDeniedException(String message) {
        super(message);
    }
}
