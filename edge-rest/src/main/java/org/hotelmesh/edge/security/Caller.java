package org.hotelmesh.edge.security;

import java.util.Set;

/**
 * Who is calling, as read from a verified token: {@code subject} is the JWT {@code sub}, {@code hotels} the hotel ids a
 * staff member works for. An anonymous caller has a null subject.
 */
public record Caller(String subject, Set<String> groups, Set<Long> hotels) {

    public static final String GUEST = "guest";
    public static final String STAFF = "staff";
    public static final String ADMIN = "admin";

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), Set.of());

    public boolean authenticated() {
        return subject != null;
    }

    public boolean isGuest() {
        return groups.contains(GUEST);
    }

    public boolean isAdmin() {
        return groups.contains(ADMIN);
    }

    public boolean isStaffOf(long hotelId) {
        return groups.contains(STAFF) && hotels.contains(hotelId);
    }
}
