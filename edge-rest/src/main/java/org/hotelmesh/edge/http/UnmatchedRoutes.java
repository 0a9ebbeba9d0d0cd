package org.hotelmesh.edge.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotelmesh.edge.api.Problem;
import org.hotelmesh.edge.error.Problems;

/**
 * A request no route serves (not even JAX-RS, which passes unknown paths on) still gets a problem document
 * instead of Vert.x' plain-text 404.
 */
@ApplicationScoped
public class UnmatchedRoutes {

    void install(@Observes Router router, Problems problems,
                 @ConfigProperty(name = "quarkus.smallrye-openapi.enable", defaultValue = "true") boolean apiDocs) {
        if (!apiDocs) {
            // the API's description, when not public, is as absent as any unknown path (Quarkus answers a bare 404)
            router.routeWithRegex("/q/(openapi|swagger-ui)(/.*|\\..*)?").order(Integer.MIN_VALUE + 1)
                    .handler(ctx -> notFound(ctx, problems));
        }
        router.route().order(Integer.MAX_VALUE).handler(ctx -> notFound(ctx, problems));
    }

    private static void notFound(RoutingContext ctx, Problems problems) {
        ctx.response()
                .setStatusCode(404)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problems.body(404, "There is no resource at " + ctx.request().path(), ctx.request().path(),
                        null));
    }
}
