package org.hotelmesh.support.identity;

import java.util.Optional;
import java.util.Set;

import org.hotelmesh.support.error.PermissionDenied;

/**
 * Who made the gRPC call being served, as verified by {@link Authentication}: a service of the mesh (its workload
 * token) or an internal tool (a token of the user issuer in the {@code tool} group, its other groups its roles); and,
 * when the caller is a user-facing workload (the edge), the end user it acts for.
 *
 * <p>The checks below are the end user's rights, checked again by the service that does the work (defence in depth:
 * the edge checks them first). They apply to calls from a user-facing workload, which must pass the user on; a service
 * of the mesh or a tool was already limited by the method's {@link AccessRule}, and its request says whom it acts for.
 *
 * @param name     the workload's name ({@code reservation-svc}) or {@code tool:} and the tool's name
 * @param tool     whether the caller is an internal tool rather than a service
 * @param roles    the tool's roles (empty for a service)
 * @param userFacing whether the caller acts for end users (their checks apply to it)
 * @param user     the end user the edge passed on, verified; null when there is none
 */
public record Caller(String name, boolean tool, Set<String> roles, boolean userFacing, User user) {

    public static final String TOOL_GROUP = "tool";
    public static final String TOOL_PREFIX = "tool:";

    public Caller {
        roles = Set.copyOf(roles);
    }

    public static Caller service(String name, boolean userFacing) {
        return new Caller(name, false, Set.of(), userFacing, null);
    }

    public static Caller tool(String name, Set<String> roles) {
        return new Caller(TOOL_PREFIX + name, true, roles, false, null);
    }

    public Caller actingFor(User user) {
        return new Caller(name, tool, roles, userFacing, user);
    }

    public Optional<User> endUser() {
        return Optional.ofNullable(user);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Who a change is recorded as made by: the end user's subject, else the tool or service. */
    public String actor() {
        return user != null ? user.subject() : name;
    }

    /**
     * The guest a guest's own request (a booking, "my reservations", a quote) is for: from the edge, the signed-in
     * guest, who may leave {@code requested} empty and may not name anyone else; from a tool or a service, the guest
     * the request names.
     */
    public String guest(String requested) {
        if (!userFacing) {
            return requested;
        }
        User guest = signedInUser();
        if (!guest.isGuest()) {
            throw new PermissionDenied("only a guest books, quotes and lists their own reservations");
        }
        if (requested.isEmpty() || requested.equals(guest.subject())) {
            return guest.subject();
        }
        throw new PermissionDenied("a guest acts only for themselves, not for " + requested);
    }

    /** Refuses unless the caller acts with the hotel's authority ({@link #mayManage}). */
    public void requireStaffOf(long hotelId) {
        if (!mayManage(hotelId)) {
            throw new PermissionDenied("only staff of hotel " + hotelId + " or an administrator may do this");
        }
    }

    /** Refuses a user-facing caller unless its user is a chain administrator. */
    public void requireAdmin() {
        if (userFacing && !signedInUser().isAdmin()) {
            throw new PermissionDenied("only a chain administrator may do this");
        }
    }

    /** Staff of the hotel or an administrator, from the edge; a service or a tool the policy let in. */
    public boolean mayManage(long hotelId) {
        if (!userFacing) {
            return true;
        }
        User staff = signedInUser();
        return staff.isAdmin() || staff.isStaffOf(hotelId);
    }

    /**
     * Whether the caller may see a guest's record (a reservation, a quote) at a hotel: that guest, staff of the hotel
     * or an administrator. A record the caller may not see is answered "not found", exactly as an unknown one.
     */
    public boolean maySee(String guestId, long hotelId) {
        if (!userFacing) {
            return true;
        }
        return user != null
                && (user.isAdmin() || user.isStaffOf(hotelId) || (user.isGuest() && user.subject().equals(guestId)));
    }

    private User signedInUser() {
        if (user == null) {
            throw new PermissionDenied(name + " passed on no signed-in user for this call");
        }
        return user;
    }
}
