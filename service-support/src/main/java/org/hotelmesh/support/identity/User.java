package org.hotelmesh.support.identity;

import java.util.Set;

/**
 * The end user a call is made for, as read from their verified token: {@code subject} is the token's {@code sub},
 * {@code hotels} the hotels a staff member works for.
 */
public record User(String subject, Set<String> groups, Set<Long> hotels) {

    public static final String GUEST = "guest";
    public static final String STAFF = "staff";
    public static final String ADMIN = "admin";

    public User {
        groups = Set.copyOf(groups);
        hotels = Set.copyOf(hotels);
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
