package org.hotelmesh.edge.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpUtils;

/** A request's path as the router resolves it, for the filters that decide by path before routing. */
public final class RequestPaths {

    private RequestPaths() {
    }

    /**
     * Vert.x's own normalisation (percent-encoded unreserved characters decoded, dot segments removed), with repeated
     * and trailing slashes dropped: {@code /q/../v1//hotels/} is {@code /v1/hotels}.
     */
    public static String canonical(HttpServerRequest request) {
        String path = HttpUtils.normalizePath(request.path()).replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
