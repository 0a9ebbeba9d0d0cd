package org.hotelmesh.support.validation;

import java.util.Optional;

/**
 * What a piece of text a person typed may hold: no lone UTF-16 surrogates (no character at all: PostgreSQL would
 * store "?"), no control characters (C0, DEL, C1: escape sequences, NUL, bells) except tab, line feed and carriage
 * return, and no bidirectional overrides that make a name display as something else. Every text the mesh stores is
 * checked with it, at the edge and again by the service that stores it.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why {@code text} is not plain text (the reason, for a field violation), or empty when it is. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain an unpaired surrogate (\\u" + hex(c) + ")");
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f) {
                return Optional.of("must not contain control characters (\\u" + hex(c) + ")");
            } else if (c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069) {
                return Optional.of("must not contain bidirectional overrides (\\u" + hex(c) + ")");
            }
        }
        return Optional.empty();
    }

    private static String hex(char c) {
        return String.format("%04x", (int) c);
    }
}
