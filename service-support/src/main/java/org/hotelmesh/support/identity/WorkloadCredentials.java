package org.hotelmesh.support.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hotelmesh.support.ThrottledWarning;
import org.jboss.logging.Logger;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall.SimpleForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.quarkus.grpc.GlobalInterceptor;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Every gRPC call this service makes carries its workload token ({@code hotelmesh.identity.token-file}, read again
 * every 10 s off the event loops when it changed, as the kubelet rotates a projected ServiceAccount token), and, from a user-facing workload, the
 * end user the call is made for ({@link #passOn}). Headers a caller set itself are kept.
 */
@ApplicationScoped
@GlobalInterceptor
public class WorkloadCredentials implements ClientInterceptor {

    private static final Logger LOG = Logger.getLogger(WorkloadCredentials.class);
    private static final String USER_KEY = WorkloadCredentials.class.getName() + ".user";
    private static final Duration RECHECK = Duration.ofSeconds(10);

    private final Optional<Path> tokenFile;
    private final ThrottledWarning unreadable = new ThrottledWarning(LOG, Duration.ofMinutes(1));
    /** Re-reads the file off the event loops; calls only read the field. */
    private final ScheduledExecutorService rereader = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "workload-token-reread");
        thread.setDaemon(true);
        return thread;
    });
    private volatile String token;
    private FileTime readAt;

    WorkloadCredentials(@ConfigProperty(name = "hotelmesh.identity.token-file") Optional<String> tokenFile) {
        this.tokenFile = tokenFile.filter(f -> !f.isBlank()).map(Path::of);
        if (this.tokenFile.isEmpty()) {
            LOG.warn("hotelmesh.identity.token-file is not set: this service's gRPC calls carry no workload identity"
                    + " and other services will refuse them");
            rereader.shutdown();
            return;
        }
        reread();
        rereader.scheduleWithFixedDelay(this::reread, RECHECK.toSeconds(), RECHECK.toSeconds(), TimeUnit.SECONDS);
    }

    @PreDestroy
    void stop() {
        rereader.shutdownNow();
    }

    /** Passes the signed-in user's verified token on with the gRPC calls made for the request being served. */
    public static void passOn(String userToken) {
        Context context = Vertx.currentContext();
        if (context != null && VertxContext.isDuplicatedContext(context)) {
            ContextLocals.put(USER_KEY, userToken);
        }
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        String own = token;
        String user = userToken();
        return new SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<A> listener, Metadata headers) {
                if (own != null && !headers.containsKey(Authentication.AUTHORIZATION)) {
                    headers.put(Authentication.AUTHORIZATION, "Bearer " + own);
                }
                if (user != null && !headers.containsKey(Authentication.USER)) {
                    headers.put(Authentication.USER, user);
                }
                super.start(listener, headers);
            }
        };
    }

    private static String userToken() {
        Context context = Vertx.currentContext();
        if (context == null || !VertxContext.isDuplicatedContext(context)) {
            return null;
        }
        return ContextLocals.<String>get(USER_KEY).orElse(null);
    }

    /** Reads the token file again when it changed (the kubelet rotates a projected token well before it ends). */
    private void reread() {
        Path file = tokenFile.orElseThrow();
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (token == null || !modified.equals(readAt)) {
                token = Files.readString(file).trim();
                readAt = modified;
            }
        } catch (IOException e) {
            unreadable.warn("cannot read the workload token at " + file + "; calls go out with the last one read", e);
        }
    }
}
