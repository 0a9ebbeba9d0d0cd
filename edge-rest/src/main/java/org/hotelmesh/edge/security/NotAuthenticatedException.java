package org.hotelmesh.edge.security;

/** No valid bearer token where one is needed: 401 with WWW-Authenticate. */
public class NotAuthenticatedException extends RuntimeException {

    public NotAuthenticatedException(String message) {
        super(message);
    }
}
