package org.hotelmesh.hotel.domain;

/** A validated page request: afterId is the last id of the previous page (0 for the first page). */
public record PageRequest(int size, long afterId) {
}
