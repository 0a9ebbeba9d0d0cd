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
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Development key pair and bearer tokens (RS256 JWT) for a laptop and the tests. A real deployment configures its
 * own public key at the edge and never sees these keys.
 *
 * <pre>
 * java -cp ... org.hotelmesh.devtools.DevTokens keys DIR
 * java -cp ... org.hotelmesh.devtools.DevTokens guest GUEST_ID | staff HOTEL_ID... | admin
 * </pre>
 * The token commands read the private key from {@code HOTELMESH_DEV_KEY} (default target/mesh/dev-keys/private.pem)
 * and the issuer from {@code HOTELMESH_JWT_ISSUER} (default hotelmesh).
 */
public final class DevTokens {

    public static final String DEFAULT_ISSUER = "hotelmesh";

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
        System.err.println("usage: DevTokens keys DIR | guest GUEST_ID | staff HOTEL_ID... | admin");
        System.exit(2);
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
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

    /** A signed RS256 token with the claims the edge reads: sub, groups and, for staff, hotels. */
    public static String mint(Path privateKeyPem, String issuer, String subject, List<String> groups,
                              List<Long> hotelIds, Duration ttl) {
        Instant now = Instant.now();
        StringBuilder claims = new StringBuilder("{")
                .append("\"iss\":").append(json(issuer))
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
        String signingInput = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + base64Url(claims.toString());
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
