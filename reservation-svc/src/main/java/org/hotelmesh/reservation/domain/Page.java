package org.hotelmesh.reservation.domain;

import java.util.List;

public record Page<T>(List<T> items, String nextPageToken, long totalSize) {
}
