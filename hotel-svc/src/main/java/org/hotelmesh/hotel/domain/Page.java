package org.hotelmesh.hotel.domain;

import java.util.List;

/** One page of a list; nextAfterId is 0 when this is the last page. */
public record Page<T>(List<T> items, long nextAfterId, long totalSize) {
}
