package org.hotelmesh.devtools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Development key pair and bearer tokens (RS256 JWT) for a laptop and the tests. A real deployment configures its
 * own public key at the edge and never sees these keys.
 *
 * <pre>
 * java -cp ... org.hotelmesh.devtools.DevTokens keys DIR
 * java -cp ... org.hotelmesh.devtools.DevTokens guest GUEST_ID | staff HOTEL_ID... | admin | tool NAME [ROLE...]
 * java -cp ... org.hotelmesh.devtools.DevTokens workload NAME
 * java -cp ... org.hotelmesh.devtools.DevTokens identities DIR NAME...
 * </pre>
 * {@code identities} writes DIR/tokens/NAME.token, the workload token each named service calls with.
 * {@code keys} makes two key pairs: the user issuer's (DIR/private.pem, public.pem: guests, staff, administrators
 * and internal tools) and the workload issuer's (DIR/workloads/: the services' own identities, as a cluster's
 * ServiceAccount tokens would be). The user token commands read the private key from {@code HOTELMESH_DEV_KEY} (default
 * target/mesh/dev-keys/private.pem) and the issuer from {@code HOTELMESH_JWT_ISSUER} (default hotelmesh); {@code workload}
 * reads {@code HOTELMESH_DEV_WORKLOAD_KEY} (default target/mesh/dev-keys/workloads/private.pem).
 */
public final class DevTokens {

    public static final String DEFAULT_ISSUER = "hotelmesh";
    /** The audience of the public API's tokens (guests, staff, administrators, tools): what the edge requires. */
    public static final String DEFAULT_AUDIENCE = "hotelmesh-api";
    public static final String WORKLOAD_ISSUER = "hotelmesh-workloads";
    public static final String WORKLOAD_AUDIENCE = "hotelmesh";
    /** How long a development workload token lasts; ./mesh up writes new ones, which running services pick up. */
    public static final Duration WORKLOAD_TTL = Duration.ofDays(7);

    private DevTokens() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            usage();
        }
        String issuer = envOr("HOTELMESH_JWT_ISSUER", DEFAULT_ISSUER);
        Path key = Path.of(envOr("HOTELMESH_DEV_KEY", "target/mesh/dev-keys/private.pem"));
        Duration ttl = Duration.ofHours(12);
        switch (args[0]) {
            case "keys" -> {
                if (args.length != 2) {
                    usage();
                }
                ensureKeyPair(Path.of(args[1]));
                ensureKeyPair(Path.of(args[1], "workloads"));
            }
            case "identities" -> {
                if (args.length < 3) {
                    usage();
                }
                for (int i = 2; i < args.length; i++) {
                    serviceIdentity(Path.of(args[1]), args[i]);
                }
            }
            case "workload" -> {
                if (args.length != 2) {
                    usage();
                }
                Path workloadKey = Path.of(envOr("HOTELMESH_DEV_WORKLOAD_KEY",
                        "target/mesh/dev-keys/workloads/private.pem"));
                System.out.println(mintWorkload(workloadKey, args[1], ttl));
            }
            case "tool" -> {
                if (args.length < 2) {
                    usage();
                }
                List<String> groups = new ArrayList<>(List.of("tool"));
                groups.addAll(List.of(args).subList(2, args.length));
                System.out.println(mint(key, issuer, args[1], groups, List.of(), ttl));
            }
            case "guest" -> {
                if (args.length != 2) {
                    usage();
                }
                System.out.println(mint(key, issuer, args[1], List.of("guest"), List.of(), ttl));
            }
            case "staff" -> {
                if (args.length < 2) {
                    usage();
                }
                List<Long> hotels = new ArrayList<>();
                for (int i = 1; i < args.length; i++) {
                    try {
                        hotels.add(Long.parseLong(args[i]));
                    } catch (NumberFormatException e) {
                        System.err.println("hotel id must be a number: " + args[i]);
                        System.exit(2);
                    }
                }
                String subject = "staff-" + hotels.stream().map(String::valueOf).collect(Collectors.joining("-"));
                System.out.println(mint(key, issuer, subject, List.of("staff"), hotels, ttl));
            }
            case "admin" -> System.out.println(mint(key, issuer, "admin", List.of("admin"), List.of(), ttl));
            default -> usage();
        }
    }

    private static void usage() {
        System.err.println("usage: DevTokens keys DIR | guest GUEST_ID | staff HOTEL_ID... | admin"
                + " | tool NAME [ROLE...] | workload NAME | identities DIR NAME...");
        System.exit(2);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /**
     * The settings that make a service verify its callers with the key pairs under {@code keys} (made by {@code keys
     * DIR}): workloads with DIR/workloads/public.pem, tools and users with DIR/public.pem.
     */
    public static Map<String, String> verifierConfig(Path keys) {
        return Map.of(
                "hotelmesh.identity.workload.public-key-location", keys.resolve("workloads/public.pem").toString(),
                "hotelmesh.identity.workload.issuer", WORKLOAD_ISSUER,
                "hotelmesh.identity.user.public-key-location", keys.resolve("public.pem").toString(),
                "hotelmesh.identity.user.issuer", DEFAULT_ISSUER);
    }

    /**
     * A service started here with its identity: makes the key pairs under {@code keys} unless they exist, writes the
     * workload token of {@code name} to DIR/tokens/NAME.token, and answers the settings that verify callers with the
     * keys and call as {@code name}.
     */
    public static Map<String, String> serviceIdentity(Path keys, String name) {
        ensureKeyPair(keys);
        ensureKeyPair(keys.resolve("workloads"));
        Path token = keys.resolve("tokens").resolve(name + ".token");
        try {
            Files.createDirectories(token.getParent());
            Files.writeString(token, mintWorkload(keys.resolve("workloads/private.pem"), name, WORKLOAD_TTL));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(verifierConfig(keys));
        config.put("hotelmesh.identity.token-file", token.toString());
        return config;
    }

    /** Creates DIR/private.pem (PKCS#8) and DIR/public.pem (X.509) unless both exist. */
    public static void ensureKeyPair(Path dir) {
        Path privatePem = dir.resolve("private.pem");
        Path publicPem = dir.resolve("public.pem");
        if (Files.exists(privatePem) && Files.exists(publicPem)) {
            return;
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(dir);
            Files.writeString(privatePem, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            Files.writeString(publicPem, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A signed RS256 token with the claims the edge reads: sub, the API audience ({@code HOTELMESH_JWT_AUDIENCE},
     * default {@value #DEFAULT_AUDIENCE}), groups and, for staff, hotels.
     */
    public static String mint(Path privateKeyPem, String issuer, String subject, List<String> groups,
                              List<Long> hotelIds, Duration ttl) {
        Instant now = Instant.now();
        StringBuilder claims = new StringBuilder("{")
                .append("\"iss\":").append(json(issuer))
                .append(",\"aud\":").append(json(envOr("HOTELMESH_JWT_AUDIENCE", DEFAULT_AUDIENCE)))
                .append(",\"sub\":").append(json(subject))
                .append(",\"upn\":").append(json(subject))
                .append(",\"jti\":").append(json(UUID.randomUUID().toString()))
                .append(",\"iat\":").append(now.getEpochSecond())
                .append(",\"exp\":").append(now.plus(ttl).getEpochSecond())
                .append(",\"groups\":[").append(groups.stream().map(DevTokens::json).collect(Collectors.joining(",")))
                .append("]");
        if (!hotelIds.isEmpty()) {
            claims.append(",\"hotels\":[")
                    .append(hotelIds.stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .append("]");
        }
        claims.append("}");
        return sign(privateKeyPem, claims.toString());
    }

    /**
     * A workload token for a service of the mesh: subject NAME, the workload issuer and audience, as a projected
     * ServiceAccount token carries its pod's identity in a cluster.
     */
    public static String mintWorkload(Path privateKeyPem, String name, Duration ttl) {
        Instant now = Instant.now();
        return sign(privateKeyPem, "{\"iss\":" + json(WORKLOAD_ISSUER)
                + ",\"sub\":" + json(name)
                + ",\"aud\":[" + json(WORKLOAD_AUDIENCE) + "]"
                + ",\"iat\":" + now.getEpochSecond()
                + ",\"exp\":" + now.plus(ttl).getEpochSecond() + "}");
    }

    /** Signs any claims (a JSON object) with RS256: for tests that need a token the tools would never make. */
    public static String signClaims(Path privateKeyPem, String claims) {
        return sign(privateKeyPem, claims);
    }

    private static String sign(Path privateKeyPem, String claims) {
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(readPrivateKey(privateKeyPem));
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign a token with " + privateKeyPem, e);
        }
    }

    private static PrivateKey readPrivateKey(Path pem) throws GeneralSecurityException {
        String text;
        try {
            text = Files.readString(pem);
        } catch (IOException e) {
            throw new UncheckedIOException("no development key at " + pem + " (./mesh up creates it)", e);
        }
        String body = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static String json(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
