package org.hotelmesh.support.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.hotelmesh.support.error.InvalidInput;

/**
 * The opaque page token of every list: the keyset position of a page's last item (its sort key parts), encoded so
 * that clients pass it back without reading it. A token a client made up or garbled is INVALID_ARGUMENT naming
 * {@code pageToken}, never a failure of the service.
 */
public final class PageToken {

    private static final String SEPARATOR = "|";

    private PageToken() {
    }

    /** The token of the position {@code parts}; no part may contain '|'. */
    public static String encode(String... parts) {
        for (String part : parts) {
            if (part.contains(SEPARATOR)) {
                throw new IllegalArgumentException("a page token part may not contain '|': " + part);
            }
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code count} parts of a token {@link #encode} made, or {@link #invalid()}. */
    public static List<String> decode(String token, int count) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            List<String> parts = List.of(decoded.split(Pattern.quote(SEPARATOR), -1));
            if (parts.size() == count) {
                return parts;
            }
        } catch (IllegalArgumentException notBase64) {
            // falls through
        }
        throw invalid();
    }

    /** What a client is told when its token's parts do not make a position of this list. */
    public static InvalidInput invalid() {
        return new InvalidInput("pageToken", "is not a token returned by a previous page of this list; start again"
                + " without one");
    }
}
