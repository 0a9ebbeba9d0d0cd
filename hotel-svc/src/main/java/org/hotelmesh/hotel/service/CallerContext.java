package org.hotelmesh.hotel.service;

import java.util.concurrent.Executor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings a continuation back to the caller's Vert.x context after a remote call (which may complete on a gRPC or
 * timer thread), because Hibernate Reactive sessions are bound to that context.
 */
final class CallerContext {

    private CallerContext() {
    }

    static Executor current() {
        Context ctx = Vertx.currentContext();
        if (ctx == null) {
            return Runnable::run;
        }
        return command -> {
            if (Vertx.currentContext() == ctx) {
                command.run();
            } else {
                ctx.runOnContext(ignored -> command.run());
            }
        };
    }
}
