package org.hotelmesh.support.identity;

import org.hotelmesh.support.error.PermissionDenied;

import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** The verified caller of the gRPC call being served, for the checks a method makes with {@link Caller}. */
public final class Access {

    private Access() {
    }

    /**
     * The caller {@link Authentication} verified for the call being served. Outside a served call there is none, and
     * this refuses: a check that cannot tell who is calling fails closed.
     */
    public static Caller caller() {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            Caller caller = ContextLocals.<Caller>get(Authentication.KEY).orElse(null);
            if (caller != null) {
                return caller;
            }
        }
        throw new PermissionDenied("no verified caller for this call");
    }
}
