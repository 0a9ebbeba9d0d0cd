package org.hotelmesh.edge.api;

/**
 * One step of a reservation's history; {@code by} is who made it: a user's id, "tool:NAME", or "system:..." for the
 * jobs and the payment saga (null for steps recorded before it was kept).
 */
public record StatusChangeDto(String status, String at, String by) {
}
