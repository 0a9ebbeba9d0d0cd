package org.hotelmesh.devtools.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.hotelmesh.devtools.DevTokens;

import org.hotelmesh.devtools.DevCertificates;
import org.hotelmesh.devtools.GrpcCredentials;

import io.grpc.Channel;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;

/**
 * The identities the tests call the services with, signed by the test key pairs under target/test-keys: the user
 * issuer's (guests, staff, administrators, tools) and the workload issuer's (the services). {@link StoresTestResource}
 * writes a token file per service and one for the {@code test-suite} tool with every write role, which a service's
 * test profile names as its own {@code hotelmesh.identity.token-file}: the tests' injected clients act as that.
 */
public final class TestIdentities {

    public static final Path DIR = Path.of("target", "test-keys").toAbsolutePath();
    public static final List<String> WORKLOADS = List.of("edge-rest", "hotel-svc", "rate-svc", "reservation-svc",
            "payment-svc");
    public static final List<String> WRITE_ROLES = List.of("hotel.write", "rate.write", "reservation.write");
    /** The test CA, which issues the certificates of the services the system tests start. */
    public static final Path CA = DIR.resolve("tls").resolve("ca.pem");
    private static final Duration TTL = Duration.ofHours(12);


    private TestIdentities() {
    }

    /** Makes the key pairs unless they exist and (re)writes DIR/tokens/NAME.token for every service and the suite. */
    public static synchronized void ensure() {
        for (String workload : WORKLOADS) {
            DevTokens.serviceIdentity(DIR, workload);
        }
        try {
            Files.writeString(DIR.resolve("tokens").resolve("tool-test-suite.token"),
                    tool("test-suite", WRITE_ROLES.toArray(String[]::new)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The settings that make a service verify callers with the test keys. */
    public static Map<String, String> verifierConfig() {
        return DevTokens.verifierConfig(DIR);
    }

    /**
     * A service started as a process: verifies with the test keys, calls as the workload {@code name}, and speaks TLS
     * with a certificate of the test CA ({@link #CA}) on its port and towards its peers.
     */
    public static Map<String, String> serviceConfig(String name) {
        Map<String, String> config = new java.util.HashMap<>(DevTokens.serviceIdentity(DIR, name));
        config.putAll(DevCertificates.serviceTls(DIR.resolve("tls"), name));
        return config;
    }

    public static String workload(String name) {
        return DevTokens.mintWorkload(DIR.resolve("workloads/private.pem"), name, TTL);
    }

    public static String tool(String name, String... roles) {
        List<String> groups = new java.util.ArrayList<>(List.of("tool"));
        groups.addAll(Arrays.asList(roles));
        return user(name, groups, List.of());
    }

    public static String guest(String guestId) {
        return user(guestId, List.of("guest"), List.of());
    }

    public static String staff(Long... hotelIds) {
        return user("staff-" + Arrays.toString(hotelIds), List.of("staff"), List.of(hotelIds));
    }

    public static String admin() {
        return user("admin", List.of("admin"), List.of());
    }

    private static String user(String subject, List<String> groups, List<Long> hotels) {
        return DevTokens.mint(DIR.resolve("private.pem"), DevTokens.DEFAULT_ISSUER, subject, groups, hotels, TTL);
    }

    /** Calls on {@code channel} carrying {@code bearer} as the caller's token. */
    public static Channel as(Channel channel, String bearer) {
        return ClientInterceptors.intercept(channel, calling(bearer));
    }

    /** Calls as the edge does for a signed-in user: the edge's workload token and the user's token passed on. */
    public static Channel asEdgeFor(Channel channel, String userToken) {
        return ClientInterceptors.intercept(channel, callingAsEdgeFor(userToken));
    }

    /** For a stub's {@code withInterceptors}: its calls carry {@code bearer}, whatever the test profile's token. */
    public static ClientInterceptor calling(String bearer) {
        return GrpcCredentials.bearer(bearer);
    }

    /** For a stub's {@code withInterceptors}: its calls are the edge's, for the signed-in user of {@code userToken}. */
    public static ClientInterceptor callingAsEdgeFor(String userToken) {
        return GrpcCredentials.forUser(workload("edge-rest"), userToken);
    }
}
