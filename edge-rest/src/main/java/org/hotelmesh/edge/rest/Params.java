package org.hotelmesh.edge.rest;

import org.hotelmesh.edge.api.CountryCode;
import org.hotelmesh.edge.api.PageQuery;
import org.hotelmesh.edge.error.InvalidRequestException;

/**
 * Path and query parameters arrive as strings and are parsed here, so a malformed one is a 400 problem with a
 * clear message instead of JAX-RS' bare 404.
 */
final class Params {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;
    private static final int MAX_PAGE_TOKEN = 512;

    private Params() {
    }

    /** A positive 64-bit id; {@code what} names it in the message ("hotel", "room type", "room"). */
    static long id(String raw, String what) {
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value <= 0) {
            throw new InvalidRequestException(what + " id must be a positive integer");
        }
        return value;
    }

    /** An optional country filter: empty means all countries. */
    static String country(String raw) {
        if (raw != null && !raw.isEmpty() && !new CountryCode.Validator().isValid(raw, null)) {
            throw new InvalidRequestException("country must be an ISO-3166 alpha-2 code such as KR");
        }
        return raw;
    }

    static PageQuery page(String pageSize, String pageToken) {
        int size = DEFAULT_PAGE_SIZE;
        if (pageSize != null) {
            try {
                size = Integer.parseInt(pageSize);
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size < 1 || size > MAX_PAGE_SIZE) {
                throw new InvalidRequestException("pageSize must be an integer between 1 and " + MAX_PAGE_SIZE);
            }
        }
        if (pageToken != null && pageToken.length() > MAX_PAGE_TOKEN) {
            throw new InvalidRequestException("pageToken is not a token this API issued");
        }
        return new PageQuery(size, pageToken == null ? "" : pageToken);
    }
}
