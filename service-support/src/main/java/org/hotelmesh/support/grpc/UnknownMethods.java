package org.hotelmesh.support.grpc;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import io.grpc.BindableService;
import io.grpc.ServerMethodDefinition;
import io.grpc.Status;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A gRPC call to a method or service this server does not serve is answered UNIMPLEMENTED, as gRPC says, instead of
 * the bare HTTP 500 the Vert.x gRPC server gives it: a client (or a scanner) learns "no such method", not "the
 * server broke". The served methods are the {@code @GrpcService} beans', plus health and reflection.
 */
@ApplicationScoped
public class UnknownMethods {

    private static final Set<String> BUILT_IN_SERVICES = Set.of("grpc.health.v1.Health",
            "grpc.reflection.v1alpha.ServerReflection", "grpc.reflection.v1.ServerReflection");

    void install(@Observes Router router, @Any Instance<BindableService> services) {
        Set<String> served = new HashSet<>();
        for (BindableService service : services) {
            for (ServerMethodDefinition<?, ?> method : service.bindService().getMethods()) {
                served.add(method.getMethodDescriptor().getFullMethodName());
            }
        }
        router.route().order(-1000).handler(ctx -> {
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            if (type == null || !type.startsWith("application/grpc") || isServed(ctx.request().path(), served)) {
                ctx.next();
                return;
            }
            unimplemented(ctx);
        });
    }

    static boolean isServed(String path, Set<String> served) {
        String method = path.startsWith("/") ? path.substring(1) : path;
        int slash = method.indexOf('/');
        return served.contains(method) || slash > 0 && BUILT_IN_SERVICES.contains(method.substring(0, slash));
    }

    /** A Trailers-Only answer: HTTP 200 whose headers end the stream with the gRPC status. */
    private static void unimplemented(RoutingContext ctx) {
        String path = ctx.request().path();
        String shown = path.length() > 200 ? path.substring(0, 200) + "..." : path;
        ctx.response().setStatusCode(200)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/grpc")
                .putHeader("grpc-status", String.valueOf(Status.Code.UNIMPLEMENTED.value()))
                .putHeader("grpc-message", URLEncoder.encode("Method not found: " + shown, StandardCharsets.UTF_8)
                        .replace("+", "%20"))
                .end();
    }
}
