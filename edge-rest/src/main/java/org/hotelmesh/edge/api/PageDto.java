package org.hotelmesh.edge.api;

import java.util.List;

/** One page of a list; {@code nextPageToken} is null on the last page. */
public record PageDto<T>(List<T> items, String nextPageToken, long totalSize) {
}
