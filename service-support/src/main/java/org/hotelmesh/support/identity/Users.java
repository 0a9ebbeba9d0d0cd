package org.hotelmesh.support.identity;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** Reading a user token's claims the same way at the edge and in the services. */
public final class Users {

    private Users() {
    }

    /**
     * The {@code hotels} claim of a staff token: ids as numbers or strings of digits, one or a list; anything else
     * grants nothing.
     */
    public static Set<Long> hotelIds(Object claim) {
        if (claim == null) {
            return Set.of();
        }
        Set<Long> ids = new HashSet<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue v : array) {
                addId(ids, v);
            }
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> addId(ids, v));
        } else {
            addId(ids, claim);
        }
        return Set.copyOf(ids);
    }

    private static void addId(Set<Long> ids, Object v) {
        try {
            if (v instanceof JsonNumber n) {
                ids.add(n.longValueExact());
            } else if (v instanceof JsonString s) {
                ids.add(Long.parseLong(s.getString()));
            } else if (v instanceof Number n) {
                ids.add(n.longValue());
            } else if (v instanceof String s) {
                ids.add(Long.parseLong(s));
            }
        } catch (ArithmeticException | NumberFormatException ignored) {
            // not an id
        }
    }
}
