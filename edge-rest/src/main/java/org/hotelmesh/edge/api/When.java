package org.hotelmesh.edge.api;

import java.util.Locale;
import java.util.Optional;

/** Which reservations a list shows, by check-out day relative to today (the hotel's today, judged downstream). */
public enum When {
    UPCOMING, PAST, ALL;

    public static Optional<When> parse(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Optional.of(ALL);
        }
        for (When w : values()) {
            if (w.name().toLowerCase(Locale.ROOT).equals(raw)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }
}
