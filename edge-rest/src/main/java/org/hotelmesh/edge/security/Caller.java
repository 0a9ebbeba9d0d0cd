package org.hotelmesh.edge.security;

import java.util.Set;

import org.hotelmesh.support.identity.User;

/**
 * Who is calling, as read from a verified token: {@code subject} is the JWT {@code sub}, {@code hotels} the hotel ids a
 * staff member works for. An anonymous caller has a null subject.
 */
public record Caller(String subject, Set<String> groups, Set<Long> hotels) {

    // the same roles, and the same rules below, as the services check on the user the edge passes on
    public static final String GUEST = User.GUEST;
    public static final String STAFF = User.STAFF;
    public static final String ADMIN = User.ADMIN;

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), Set.of());

    public boolean authenticated() {
        return subject != null;
    }

    public boolean isGuest() {
        return groups.contains(GUEST);
    }

    /** Staff of some hotel (which ones: {@link #isStaffOf}). */
    public boolean isStaff() {
        return groups.contains(STAFF);
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN);
    }

    public boolean isStaffOf(long hotelId) {
        return groups.contains(STAFF) && hotels.contains(hotelId);
    }
}
