package org.hotelmesh.support.config;

import java.util.Optional;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.StartupEvent;

/**
 * Fails the start of a service that is to speak TLS ({@link TransportSecurity}) but lacks what it needs, naming the
 * settings: plaintext is never what a missing file silently gives.
 */
@ApplicationScoped
public class TransportCheck {

    private final Config config;
    private final boolean plaintext;
    private final boolean serve;

    TransportCheck(Config config,
            @ConfigProperty(name = "hotelmesh.tls.plaintext", defaultValue = "false") boolean plaintext,
            @ConfigProperty(name = "hotelmesh.tls.serve", defaultValue = "true") boolean serve) {
        this.config = config;
        this.plaintext = plaintext;
        this.serve = serve;
    }

    void check(@Observes StartupEvent start) {
        if (plaintext) {
            return;
        }
        if (serve && (missing("hotelmesh.tls.cert") || missing("hotelmesh.tls.key"))) {
            throw new IllegalStateException("no TLS certificate for this service's port: set hotelmesh.tls.cert and"
                    + " hotelmesh.tls.key (HOTELMESH_TLS_CERT, HOTELMESH_TLS_KEY: PEM files), or"
                    + " hotelmesh.tls.plaintext=true to serve plaintext on purpose");
        }
        boolean hasClients = StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .anyMatch(name -> name.startsWith("quarkus.grpc.clients.") && name.endsWith(".host"));
        if (hasClients && missing("hotelmesh.tls.ca")) {
            throw new IllegalStateException("no CA to verify the services this one calls: set hotelmesh.tls.ca"
                    + " (HOTELMESH_TLS_CA: a PEM file), or hotelmesh.tls.plaintext=true to call them in plaintext on"
                    + " purpose");
        }
    }

    private boolean missing(String name) {
        Optional<String> value = config.getOptionalValue(name, String.class);
        return value.isEmpty() || value.get().isBlank();
    }
}
