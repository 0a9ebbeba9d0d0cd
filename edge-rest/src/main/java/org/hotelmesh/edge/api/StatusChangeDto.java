package org.hotelmesh.edge.api;

/** One step of a reservation's history. */
public record StatusChangeDto(String status, String at) {
}
