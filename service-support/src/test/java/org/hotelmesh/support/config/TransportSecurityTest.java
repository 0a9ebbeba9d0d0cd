package org.hotelmesh.support.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class TransportSecurityTest {

    private static final Map<String, String> SERVICE = Map.of(
            "quarkus.http.port", "8083",
            "quarkus.grpc.clients.hotel.host", "localhost",
            "quarkus.grpc.clients.payment.port", "8084",
            "hotelmesh.tls.cert", "/tls/tls.crt",
            "hotelmesh.tls.key", "/tls/tls.key",
            "hotelmesh.tls.ca", "/tls/ca.crt");

    private static SmallRyeConfig config(Map<String, String> properties, String... profiles) {
        return new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new TransportSecurity())
                .withProfiles(java.util.List.of(profiles))
                .build();
    }

    private static Optional<String> value(SmallRyeConfig config, String name) {
        return config.getOptionalValue(name, String.class);
    }

    @Test
    void theServicePortSpeaksTlsOnlyAndEveryClientVerifiesItsPeer() {
        SmallRyeConfig config = config(SERVICE);
        assertEquals(Optional.of("/tls/tls.crt"), value(config, "quarkus.tls.service.key-store.pem.0.cert"));
        assertEquals(Optional.of("/tls/tls.key"), value(config, "quarkus.tls.service.key-store.pem.0.key"));
        assertEquals(Optional.of("disabled"), value(config, "quarkus.http.insecure-requests"));
        assertEquals(Optional.of("8083"), value(config, "quarkus.http.ssl-port"), "TLS on the service's one port");
        assertEquals(Optional.of("1H"), value(config, "quarkus.tls.service.reload-period"));
        assertEquals(Optional.of("service"), value(config, "quarkus.http.tls-configuration-name"));
        assertTrue(value(config, "quarkus.tls.key-store.pem.0.cert").isEmpty(),
                "no default TLS configuration: the management interface stays plain HTTP for the probes");
        for (String client : new String[] {"hotel", "payment"}) {
            assertEquals(Optional.of("/tls/ca.crt"), value(config, "quarkus.grpc.clients." + client + ".ssl.trust-store"));
            assertEquals(Optional.of("false"), value(config, "quarkus.grpc.clients." + client + ".plain-text"));
        }
    }

    @Test
    void plaintextOnlyWhenSaidAndAnExplicitQuarkusKeyWins() {
        Map<String, String> properties = new HashMap<>(SERVICE);
        properties.put("%test.hotelmesh.tls.plaintext", "true");
        properties.put("quarkus.tls.service.reload-period", "10M");
        SmallRyeConfig tests = config(properties, "test");
        assertTrue(value(tests, "quarkus.tls.service.key-store.pem.0.cert").isEmpty());
        assertTrue(value(tests, "quarkus.http.insecure-requests").isEmpty());
        assertEquals(Optional.of("true"), value(tests, "quarkus.grpc.clients.hotel.plain-text"));

        SmallRyeConfig production = config(properties, "prod");
        assertEquals(Optional.of("disabled"), value(production, "quarkus.http.insecure-requests"));
        assertEquals(Optional.of("10M"), value(production, "quarkus.tls.service.reload-period"));
    }

    @Test
    void anEdgeBehindAnIngressServesPlaintextButCallsOverTls() {
        Map<String, String> properties = new HashMap<>(SERVICE);
        properties.put("hotelmesh.tls.serve", "false");
        SmallRyeConfig edge = config(properties);
        assertTrue(value(edge, "quarkus.http.insecure-requests").isEmpty());
        assertTrue(value(edge, "quarkus.tls.service.key-store.pem.0.cert").isEmpty());
        assertEquals(Optional.of("/tls/ca.crt"), value(edge, "quarkus.grpc.clients.hotel.ssl.trust-store"));
    }

    @Test
    void redisTrustsItsPrivateCaWhenOneIsGiven() {
        assertTrue(value(config(SERVICE), "quarkus.redis.tls-configuration-name").isEmpty());
        Map<String, String> properties = new HashMap<>(SERVICE);
        properties.put("hotelmesh.redis.ca", "/redis/ca.crt");
        SmallRyeConfig config = config(properties);
        assertEquals(Optional.of("/redis/ca.crt"), value(config, "quarkus.tls.redis.trust-store.pem.certs"));
        assertEquals(Optional.of("redis"), value(config, "quarkus.redis.tls-configuration-name"));
    }
}
