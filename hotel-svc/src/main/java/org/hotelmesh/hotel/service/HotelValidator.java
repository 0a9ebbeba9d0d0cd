package org.hotelmesh.hotel.service;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.hotelmesh.hotel.domain.HotelFilter;
import org.hotelmesh.hotel.domain.HotelInput;
import org.hotelmesh.hotel.domain.PageRequest;
import org.hotelmesh.hotel.domain.RoomInput;
import org.hotelmesh.hotel.domain.RoomTypeInput;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.validation.PlainText;
import org.hotelmesh.support.error.ServiceException.Violation;
import org.hotelmesh.support.paging.PageToken;

/**
 * Validates every client-supplied value before it reaches the database, collecting all violations so the client
 * can fix them in one round trip. Field names are the REST camelCase paths (e.g. {@code address.country}).
 */
public final class HotelValidator {

    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;

    private static final Set<String> COUNTRIES = Set.of(java.util.Locale.getISOCountries());
    private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s\\x00]+@[^@\\s\\x00]+\\.[^@\\s.\\x00]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9][0-9 ().\\-]*$");
    private static final Pattern ROOM_NUMBER = Pattern.compile("^[A-Za-z0-9-]{1,20}$");

    private HotelValidator() {
    }

    public static void hotel(HotelInput in) {
        List<Violation> v = new ArrayList<>();
        text(v, "name", in.name(), 200, true);
        if (in.address() == null) {
            v.add(new Violation("address", "is required"));
        } else {
            text(v, "address.line1", in.address().line1(), 200, true);
            text(v, "address.line2", in.address().line2(), 200, false);
            text(v, "address.city", in.address().city(), 100, true);
            text(v, "address.postalCode", in.address().postalCode(), 20, false);
            String country = in.address().country();
            if (country == null || !COUNTRIES.contains(country)) {
                v.add(new Violation("address.country", "must be an ISO-3166 alpha-2 code in upper case, e.g. KR"));
            }
        }
        if (in.timeZone() == null || !ZONES.contains(in.timeZone())) {
            v.add(new Violation("timeZone", "must be an IANA time zone id, e.g. Asia/Seoul"));
        }
        if (in.starRating() < 0 || in.starRating() > 5) {
            v.add(new Violation("starRating", "must be between 0 (unrated) and 5"));
        }
        text(v, "description", in.description(), 4000, false);
        if (in.contact() != null) {
            String email = in.contact().email();
            if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
                v.add(new Violation("contact.email", "must be an e-mail address like front@hotel.example"));
            }
            String phone = in.contact().phone();
            if (phone != null && (phone.length() > 40 || !PHONE.matcher(phone).matches())) {
                v.add(new Violation("contact.phone",
                        "must be a phone number of at most 40 characters (digits, spaces, + ( ) - .)"));
            }
        }
        throwIfAny(v);
    }

    public static void roomType(RoomTypeInput in) {
        List<Violation> v = new ArrayList<>();
        text(v, "name", in.name(), 100, true);
        text(v, "description", in.description(), 4000, false);
        if (in.maxOccupancy() < 1 || in.maxOccupancy() > 20) {
            v.add(new Violation("maxOccupancy", "must be between 1 and 20"));
        }
        text(v, "bedConfiguration", in.bedConfiguration(), 100, true);
        List<String> amenities = in.amenities();
        if (amenities.size() > 50) {
            v.add(new Violation("amenities", "must have at most 50 entries"));
        }
        for (int i = 0; i < amenities.size(); i++) {
            String a = amenities.get(i);
            if (a == null || a.isBlank() || a.length() > 50 || PlainText.problem(a).isPresent()) {
                v.add(new Violation("amenities[" + i + "]", "must be 1 to 50 characters and not blank"));
            }
        }
        throwIfAny(v);
    }

    public static void room(RoomInput in) {
        List<Violation> v = new ArrayList<>();
        if (in.number() == null || !ROOM_NUMBER.matcher(in.number()).matches()) {
            v.add(new Violation("number", "must be 1 to 20 characters of A-Z, a-z, 0-9 and -"));
        }
        if (in.floor() < -5 || in.floor() > 200) {
            v.add(new Violation("floor", "must be between -5 and 200"));
        }
        if (in.roomTypeId() <= 0) {
            v.add(new Violation("roomTypeID", "must be a positive id"));
        }
        throwIfAny(v);
    }

    public static void hotelFilter(HotelFilter filter) {
        if (filter.country() != null && !COUNTRIES.contains(filter.country())) {
            throw new InvalidInput("country", "must be an ISO-3166 alpha-2 code in upper case, e.g. KR");
        }
        if (filter.city() != null && (filter.city().length() > 100 || PlainText.problem(filter.city()).isPresent())) {
            throw new InvalidInput("city", "must be at most 100 characters without NUL characters");
        }
    }

    /** Most hotels one FindHotels answers. */
    public static final int MAX_FOUND_HOTELS = 5000;
    /** Most places one SuggestPlaces answers. */
    public static final int MAX_PLACES = 20;

    /** A place to find hotels in: a city, a country or both, and how many hotels may come back. */
    public static void findHotels(HotelFilter filter, int limit) {
        hotelFilter(filter);
        List<Violation> v = new ArrayList<>();
        if (filter.city() == null && filter.country() == null) {
            v.add(new Violation("city", "city or country is required"));
        }
        if (limit < 1 || limit > MAX_FOUND_HOTELS) {
            v.add(new Violation("limit", "must be between 1 and " + MAX_FOUND_HOTELS));
        }
        throwIfAny(v);
    }

    /** The start of a city name, 1 to 100 characters of plain text, and 1 to {@value #MAX_PLACES} answers. */
    public static void places(String prefix, int limit) {
        List<Violation> v = new ArrayList<>();
        if (prefix == null || prefix.isBlank() || prefix.length() > 100 || PlainText.problem(prefix).isPresent()) {
            v.add(new Violation("q", "must be 1 to 100 characters of text"));
        }
        if (limit < 1 || limit > MAX_PLACES) {
            v.add(new Violation("limit", "must be between 1 and " + MAX_PLACES));
        }
        throwIfAny(v);
    }

    /** Checks ids named in the request path; pairs of (field, value). */
    public static void ids(Object... fieldsAndValues) {
        List<Violation> v = new ArrayList<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if ((Long) fieldsAndValues[i + 1] <= 0) {
                v.add(new Violation((String) fieldsAndValues[i], "must be a positive id"));
            }
        }
        throwIfAny(v);
    }

    /** Turns the raw page size and token into a page request; size 0 means the default. */
    public static PageRequest page(int size, String token) {
        if (size < 0 || size > MAX_PAGE_SIZE) {
            throw new InvalidInput("pageSize", "must be between 1 and " + MAX_PAGE_SIZE + " (0 = default "
                    + DEFAULT_PAGE_SIZE + ")");
        }
        return new PageRequest(size == 0 ? DEFAULT_PAGE_SIZE : size, decodeToken(token));
    }

    public static String encodeToken(long lastId) {
        return PageToken.encode(Long.toString(lastId));
    }

    static long decodeToken(String token) {
        if (token == null || token.isEmpty()) {
            return 0;
        }
        try {
            long id = Long.parseLong(PageToken.decode(token, 1).get(0));
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        throw PageToken.invalid();
    }

    private static void text(List<Violation> v, String field, String value, int max, boolean required) {
        if (value == null) {
            if (required) {
                v.add(new Violation(field, "is required"));
            }
            return;
        }
        Optional<String> notPlain = PlainText.problem(value);
        if (notPlain.isPresent()) {
            v.add(new Violation(field, notPlain.get()));
        } else if (required && value.isBlank()) {
            v.add(new Violation(field, "must not be blank"));
        } else if (value.length() > max) {
            v.add(new Violation(field, "must be at most " + max + " characters"));
        }
    }

    private static void throwIfAny(List<Violation> v) {
        if (!v.isEmpty()) {
            throw new InvalidInput(v);
        }
    }
}
