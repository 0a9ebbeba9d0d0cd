package org.hotelmesh.support.config;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * TLS on every service's port and on every gRPC client, from a handful of settings instead of a dozen Quarkus keys
 * per service. From {@code hotelmesh.tls.cert} and {@code .key} (this service's certificate and key, PEM files) it
 * makes the service serve HTTPS and gRPC over TLS on its one port ({@code quarkus.http.port}) and nothing in
 * plaintext; Quarkus' TLS registry re-reads the files every {@code hotelmesh.tls.reload-period} (1H), so a renewed
 * certificate needs no restart. From {@code hotelmesh.tls.ca} (the mesh's CA) every gRPC client of the service
 * verifies its peer. Plaintext only when {@code hotelmesh.tls.plaintext=true} says so; a service that is to speak TLS
 * and lacks a file does not start ({@link TransportCheck}). {@code hotelmesh.tls.serve=false} leaves the service's own
 * port plaintext while its clients still use TLS (the edge, whose public port is behind a TLS-terminating Ingress).
 * {@code hotelmesh.redis.ca} (a PEM file) makes the Redis client trust a server certificate of that CA, for a
 * {@code rediss://} URI to a Redis whose certificate a private CA issued.
 *
 * <p>These are defaults: the source ranks below application.properties, so an explicit Quarkus key wins. The
 * management interface (health and metrics, on a port of its own) stays plain HTTP for the probes and the scraper.
 */
public class TransportSecurity implements ConfigSourceFactory {

    static final String NAME = "hotelmesh transport security (hotelmesh.tls.*)";
    static final int ORDINAL = 150;
    private static final Pattern CLIENT = Pattern.compile("quarkus\\.grpc\\.clients\\.([^.]+)\\.(host|port)");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        return List.of(new PropertiesConfigSource(derive(context), NAME, ORDINAL));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    static Map<String, String> derive(ConfigSourceContext context) {
        Settings settings = new Settings(context);
        Map<String, String> derived = new HashMap<>();
        Set<String> clients = clients(context);
        // Redis over TLS (a rediss:// URI) with a server certificate of a private CA
        settings.value("hotelmesh.redis.ca").ifPresent(ca -> {
            derived.put("quarkus.tls.redis.trust-store.pem.certs", ca);
            // the Redis client checks the server's name only when told how
            derived.put("quarkus.tls.redis.hostname-verification-algorithm", "HTTPS");
            derived.put("quarkus.redis.tls-configuration-name", "redis");
        });
        if (settings.flag("hotelmesh.tls.plaintext", false)) {
            clients.forEach(client -> derived.put("quarkus.grpc.clients." + client + ".plain-text", "true"));
            return derived;
        }
        Optional<String> cert = settings.value("hotelmesh.tls.cert");
        Optional<String> key = settings.value("hotelmesh.tls.key");
        if (settings.flag("hotelmesh.tls.serve", true) && cert.isPresent() && key.isPresent()) {
            // a named configuration, not the default one: the management interface (probes, metrics) would take
            // the default and stop answering plain HTTP
            derived.put("quarkus.tls.service.key-store.pem.0.cert", cert.get());
            derived.put("quarkus.tls.service.key-store.pem.0.key", key.get());
            derived.put("quarkus.tls.service.reload-period",
                    settings.value("hotelmesh.tls.reload-period").orElse("1H"));
            derived.put("quarkus.http.tls-configuration-name", "service");
            derived.put("quarkus.http.insecure-requests", "disabled");
            derived.put("quarkus.http.ssl-port", settings.value("quarkus.http.port").orElse("8080"));
            settings.value("quarkus.http.test-port").ifPresent(port -> derived.put("quarkus.http.test-ssl-port", port));
        }
        settings.value("hotelmesh.tls.ca").ifPresent(ca -> clients.forEach(client -> {
            derived.put("quarkus.grpc.clients." + client + ".ssl.trust-store", ca);
            derived.put("quarkus.grpc.clients." + client + ".plain-text", "false");
        }));
        return derived;
    }

    /** The gRPC clients the service configures (by their host or port). */
    static Set<String> clients(ConfigSourceContext context) {
        Set<String> clients = new TreeSet<>();
        for (Iterator<String> names = context.iterateNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.startsWith("%")) {
                name = name.substring(name.indexOf('.') + 1);
            }
            Matcher client = CLIENT.matcher(name);
            if (client.matches()) {
                clients.add(client.group(1));
            }
        }
        return clients;
    }

    /** Values as the active profiles see them ({@code %test.x} before {@code x}). */
    private record Settings(ConfigSourceContext context) {

        Optional<String> value(String name) {
            List<String> profiles = context.getProfiles();
            for (int i = profiles.size() - 1; i >= 0; i--) {
                Optional<String> profiled = raw("%" + profiles.get(i) + "." + name);
                if (profiled.isPresent()) {
                    return profiled;
                }
            }
            return raw(name);
        }

        boolean flag(String name, boolean fallback) {
            return value(name).map(Boolean::parseBoolean).orElse(fallback);
        }

        private Optional<String> raw(String name) {
            ConfigValue value = context.getValue(name);
            return value == null || value.getValue() == null || value.getValue().isBlank()
                    ? Optional.empty() : Optional.of(value.getValue().trim());
        }
    }
}
