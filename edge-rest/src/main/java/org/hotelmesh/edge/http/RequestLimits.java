package org.hotelmesh.edge.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hotelmesh.edge.api.Problem;
import org.hotelmesh.edge.config.HttpLimitsConfig;
import org.hotelmesh.edge.error.Problems;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request target longer than {@code hotelmesh.http.max-url-length} is 414, headers larger than
 * {@code hotelmesh.http.max-header-bytes} are 431, both with a problem document (Vert.x' own limits, set above these,
 * stay the backstop and answer beyond them without one). Every request body is held to the API's limit ({@code hotelmesh.http.max-body-bytes}), answered with a problem
 * document, before anything reads it: one that announces a larger Content-Length gets 413 at once; one sent chunked
 * over HTTP/1.1 (with no length to check up front) gets 411, since the API's clients send a length and a chunked body
 * could otherwise only be cut off mid-stream. Runs ahead of every other route, Quarkus' own upload limit among them.
 * An HTTP/2 stream may carry a body without announcing its length (clients do that): it is cut off by that limit
 * ({@code quarkus.http.limits.max-body-size}, the same size) with a bare 413.
 */
@ApplicationScoped
public class RequestLimits {

    void install(@Observes Router router, HttpLimitsConfig config, Problems problems) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> check(ctx, config, problems));
    }

    private static void check(RoutingContext ctx, HttpLimitsConfig config, Problems problems) {
        if (ctx.request().uri().length() > config.maxUrlLength()) {
            refuse(ctx, problems, 414, "The request target is longer than " + config.maxUrlLength() + " characters");
            return;
        }
        if (headerBytes(ctx) > config.maxHeaderBytes()) {
            refuse(ctx, problems, 431, "The request headers are larger than " + config.maxHeaderBytes() + " bytes");
            return;
        }
        long limit = config.maxBodyBytes();
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        String transfer = ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING);
        if (length != null) {
            long bytes;
            try {
                bytes = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                refuse(ctx, problems, 400, "Content-Length is not a number");
                return;
            }
            if (bytes > limit) {
                refuse(ctx, problems, 413, "The request body is larger than " + limit + " bytes");
                return;
            }
        } else if (transfer != null && !transfer.isBlank()) {
            refuse(ctx, problems, 411, "Send the request body with a Content-Length (at most " + limit
                    + " bytes); chunked bodies are not accepted");
            return;
        }
        ctx.next();
    }

    private static long headerBytes(RoutingContext ctx) {
        long bytes = 0;
        for (var header : ctx.request().headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4; // ": " and CRLF
        }
        return bytes;
    }

    private static void refuse(RoutingContext ctx, Problems problems, int status, String detail) {
        String path = ctx.request().path() == null ? "" : ctx.request().path();
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                // the unread body stays on the connection: close it rather than parse it as the next request
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problems.body(status, detail, path.length() > 512 ? path.substring(0, 512) : path, null));
    }
}
