package org.hotelmesh.edge.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.support.identity.Users;
import org.hotelmesh.support.identity.WorkloadCredentials;
import org.jboss.logging.Logger;

import java.util.Set;

/**
 * The edge's authorization rules in one place. Authentication is lazy (proactive auth is off), so the token is only
 * verified when a rule asks for the caller; a read never fails because of a bad token it did not need.
 */
@ApplicationScoped
public class Authorizer {

    private static final Logger LOG = Logger.getLogger(Authorizer.class);

    private final CurrentIdentityAssociation identities;

    public Authorizer(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    /** The verified caller, {@link Caller#ANONYMOUS} without a token; fails with 401 on a bad token. */
    public Uni<Caller> caller() {
        return identities.getDeferredIdentity()
                .onFailure(AuthenticationFailedException.class).transform(e -> {
                    LOG.debugf("bearer token rejected: %s", e.getMessage());
                    return new NotAuthenticatedException("The bearer token is invalid or expired");
                })
                .invoke(Authorizer::passOn)
                .map(Authorizer::toCaller);
    }

    /** The verified caller, or anonymous when the token is missing or invalid (for rate limiting, never fails). */
    public Uni<Caller> callerOrAnonymous() {
        return identities.getDeferredIdentity()
                .invoke(Authorizer::passOn)
                .map(Authorizer::toCaller)
                .onFailure().recoverWithItem(Caller.ANONYMOUS);
    }

    public Uni<Caller> requireAuthenticated() {
        return caller().invoke(c -> {
            if (!c.authenticated()) {
                throw new NotAuthenticatedException("A bearer token is required");
            }
        });
    }

    /** Chain administrators only (e.g. creating hotels). */
    public Uni<Caller> requireAdmin() {
        return requireAuthenticated().invoke(c -> {
            if (!c.isAdmin()) {
                throw new AccessDeniedException("Only a chain administrator may do this");
            }
        });
    }

    /** Staff of that hotel, or a chain administrator. */
    public Uni<Caller> requireStaffOf(long hotelId) {
        return requireAuthenticated().invoke(c -> {
            if (!c.isAdmin() && !c.isStaffOf(hotelId)) {
                throw new AccessDeniedException("Only staff of hotel " + hotelId + " may do this");
            }
        });
    }

    /**
     * Guests only: bookings and "my reservations" belong to the token subject, and staff or administrators have no
     * stays of their own to book through their work accounts.
     */
    public Uni<Caller> requireGuest() {
        return requireAuthenticated().invoke(c -> {
            if (!c.isGuest()) {
                throw new AccessDeniedException("Only guests may book and list their own reservations;"
                        + " staff and administrators may not book for themselves");
            }
        });
    }

    /** The guest who owns the reservation, staff of its hotel, or an administrator. */
    public boolean canSeeReservation(Caller caller, ReservationDto reservation) {
        return canSeeGuestRecord(caller, reservation.guestID(), reservation.hotelID());
    }

    /** A guest's own record (a reservation, a quote): that guest, staff of its hotel, or an administrator. */
    public boolean canSeeGuestRecord(Caller caller, String guestId, String hotelId) {
        if (!caller.authenticated()) {
            return false;
        }
        if (caller.isAdmin()) {
            return true;
        }
        if (caller.isGuest() && caller.subject().equals(guestId)) {
            return true;
        }
        try {
            return caller.isStaffOf(Long.parseLong(hotelId));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** The services check the signed-in user again: the gRPC calls made for this request carry their token. */
    private static void passOn(SecurityIdentity identity) {
        if (identity != null && identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getRawToken() != null) {
            WorkloadCredentials.passOn(jwt.getRawToken());
        }
    }

    static Caller toCaller(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Caller.ANONYMOUS;
        }
        String subject = identity.getPrincipal().getName();
        Set<Long> hotels = Set.of();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getSubject() != null) {
                subject = jwt.getSubject();
            }
            hotels = Users.hotelIds(jwt.getClaim("hotels"));
        }
        return new Caller(subject, Set.copyOf(identity.getRoles()), hotels);
    }
}
