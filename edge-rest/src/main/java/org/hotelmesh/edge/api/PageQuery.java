package org.hotelmesh.edge.api;

/** Parsed paging query parameters; pageToken is empty for the first page. */
public record PageQuery(int pageSize, String pageToken) {
}
