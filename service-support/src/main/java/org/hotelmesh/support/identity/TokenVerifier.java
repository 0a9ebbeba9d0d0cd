package org.hotelmesh.support.identity;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Verifies the two kinds of token a gRPC call carries, each with its own issuer and keys:
 * <ul>
 * <li>a <b>workload token</b> ({@code hotelmesh.identity.workload.*}): a service's own identity, with the audience
 * {@code hotelmesh}. In Kubernetes a projected ServiceAccount token the kubelet writes and rotates, verified with the
 * cluster's service-account keys; on a laptop one that {@code ./mesh up} signs with its development key. The
 * workload's name is its subject less {@code subject-prefix}.</li>
 * <li>a <b>user-issuer token</b> ({@code hotelmesh.identity.user.*}, the issuer, key, audience and maximum age the
 * edge verifies guests and staff with): as the caller, an internal tool's (group {@code tool}); passed on by the edge,
 * the end user's.</li>
 * </ul>
 * Verified tokens are remembered (bounded, never past their expiry), so a service's steady stream of calls costs one
 * signature check per token, not per call.
 */
@ApplicationScoped
public class TokenVerifier {

    /** Why a token was not accepted, in words safe to send back. */
    public static final class Rejected extends Exception {
        private final boolean known;

        Rejected(String message) {
            this(message, false);
        }

        Rejected(String message, boolean known) {
            super(message, null, false, false);
            this.known = known;
        }

        /** Whether the token was valid but names a principal that may not call services (a user's). */
        public boolean known() {
            return known;
        }
    }

    private record Verified(Caller caller, User user, long expiresAtSecond) {
    }

    private static final Logger LOG = Logger.getLogger(TokenVerifier.class);

    private final Optional<DefaultJWTParser> workloads;
    private final Optional<DefaultJWTParser> users;
    private final String subjectPrefix;
    private final Set<String> userFacing;
    private final Cache<String, Verified> verified = Caffeine.newBuilder()
            .maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(5)).build();

    TokenVerifier(@ConfigProperty(name = "hotelmesh.identity.workload.issuer", defaultValue = "hotelmesh-workloads")
            String workloadIssuer,
            @ConfigProperty(name = "hotelmesh.identity.workload.public-key-location") Optional<String> workloadKey,
            @ConfigProperty(name = "hotelmesh.identity.workload.audience", defaultValue = "hotelmesh") String audience,
            @ConfigProperty(name = "hotelmesh.identity.workload.subject-prefix") Optional<String> subjectPrefix,
            @ConfigProperty(name = "hotelmesh.identity.user.issuer", defaultValue = "hotelmesh") String userIssuer,
            @ConfigProperty(name = "hotelmesh.identity.user.public-key-location") Optional<String> userKey,
            @ConfigProperty(name = "hotelmesh.identity.user.groups-claim", defaultValue = "groups") String groupsClaim,
            @ConfigProperty(name = "hotelmesh.identity.user.audience", defaultValue = "hotelmesh-api")
            String userAudience,
            @ConfigProperty(name = "hotelmesh.identity.user.max-age", defaultValue = "86400") long userMaxAgeSeconds,
            @ConfigProperty(name = "hotelmesh.identity.user-facing", defaultValue = "edge-rest") List<String> userFacing) {
        this.workloads = workloadKey.filter(k -> !k.isBlank()).map(key -> {
            JWTAuthContextInfo info = new JWTAuthContextInfo(key, workloadIssuer);
            info.setExpectedAudience(Set.of(audience));
            return parser(info);
        });
        this.users = userKey.filter(k -> !k.isBlank()).map(key -> {
            JWTAuthContextInfo info = new JWTAuthContextInfo(key, userIssuer);
            info.setGroupsPath(groupsClaim);
            info.setExpectedAudience(Set.of(userAudience));
            info.setTokenAge(userMaxAgeSeconds);
            return parser(info);
        });
        this.subjectPrefix = subjectPrefix.orElse("");
        this.userFacing = Set.copyOf(userFacing);
    }

    private static DefaultJWTParser parser(JWTAuthContextInfo info) {
        // RS256 only: a PEM key is read as the algorithm says, and RS256 is what Kubernetes signs ServiceAccount tokens
        // with and what the edge verifies users with.
        info.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        info.setRequiredClaims(Set.of("sub", "exp", "iat"));
        return new DefaultJWTParser(info);
    }

    /**
     * Verifies this service's own workload token once at start: a freshly started replica does not make its first
     * caller wait for the verifier's keys and classes, and a token its own verifier refuses (another issuer, audience
     * or key) is reported at once rather than as every peer's UNAUTHENTICATED.
     */
    void warmUp(@Observes StartupEvent start,
            @ConfigProperty(name = "hotelmesh.identity.token-file") Optional<String> tokenFile) {
        if (workloads.isEmpty() || tokenFile.isEmpty() || tokenFile.get().isBlank()) {
            return;
        }
        try {
            caller(Files.readString(Path.of(tokenFile.get())).trim());
        } catch (Rejected e) {
            LOG.warnf("this service's own workload token (%s) is refused by its own verifier: %s; check"
                    + " hotelmesh.identity.workload.* against the token's issuer, audience and key", tokenFile.get(),
                    e.getMessage());
        } catch (IOException e) {
            LOG.warnf("cannot read this service's own workload token at %s: %s", tokenFile.get(), e.toString());
        }
    }

    /** What is missing for this service to verify callers at all; empty when both keys are configured. */
    public Optional<String> missingConfiguration() {
        if (workloads.isEmpty()) {
            return Optional.of("hotelmesh.identity.workload.public-key-location is not set: this service cannot"
                    + " verify the workloads that call it");
        }
        if (users.isEmpty()) {
            return Optional.of("hotelmesh.identity.user.public-key-location is not set: this service cannot"
                    + " verify tools and the users the edge acts for");
        }
        return Optional.empty();
    }

    /** The workload or tool a bearer token names. */
    public Caller caller(String token) throws Rejected {
        Verified hit = remembered(token);
        if (hit != null) {
            if (hit.caller() == null) {
                throw new Rejected("a user's token is not a workload's: users call through the edge", true);
            }
            return hit.caller();
        }
        Optional<JsonWebToken> workload = parse(workloads, token);
        if (workload.isPresent()) {
            String subject = workload.get().getSubject();
            if (!subject.startsWith(subjectPrefix) || subject.length() == subjectPrefix.length()) {
                throw new Rejected("the workload " + subject + " is not one of this mesh's");
            }
            String name = subject.substring(subjectPrefix.length());
            Caller caller = Caller.service(name, userFacing.contains(name));
            remember(token, new Verified(caller, null, workload.get().getExpirationTime()));
            return caller;
        }
        Optional<JsonWebToken> user = parse(users, token);
        if (user.isEmpty()) {
            throw new Rejected("the bearer token is not valid (unknown issuer or key, bad signature, or expired)");
        }
        Set<String> groups = user.get().getGroups();
        if (groups == null || !groups.contains(Caller.TOOL_GROUP)) {
            remember(token, new Verified(null, toUser(user.get()), user.get().getExpirationTime()));
            throw new Rejected("a user's token is not a workload's: users call through the edge", true);
        }
        Set<String> roles = new HashSet<>(groups);
        roles.remove(Caller.TOOL_GROUP);
        Caller caller = Caller.tool(user.get().getSubject(), roles);
        remember(token, new Verified(caller, null, user.get().getExpirationTime()));
        return caller;
    }

    /** The end user a user-facing workload passes on. */
    public User user(String token) throws Rejected {
        Verified hit = remembered(token);
        if (hit != null && hit.user() != null) {
            return hit.user();
        }
        JsonWebToken jwt = parse(users, token)
                .orElseThrow(() -> new Rejected("the user token passed on is not valid (bad signature or expired)"));
        User user = toUser(jwt);
        remember(token, new Verified(null, user, jwt.getExpirationTime()));
        return user;
    }

    private static User toUser(JsonWebToken jwt) {
        return new User(jwt.getSubject(), jwt.getGroups() == null ? Set.of() : jwt.getGroups(),
                Users.hotelIds(jwt.getClaim("hotels")));
    }

    private static Optional<JsonWebToken> parse(Optional<DefaultJWTParser> parser, String token) {
        if (parser.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.get().parse(token));
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    private Verified remembered(String token) {
        Verified hit = verified.getIfPresent(token);
        if (hit != null && hit.expiresAtSecond() <= System.currentTimeMillis() / 1000) {
            verified.invalidate(token);
            return null;
        }
        return hit;
    }

    private void remember(String token, Verified result) {
        verified.put(token, result);
    }
}
