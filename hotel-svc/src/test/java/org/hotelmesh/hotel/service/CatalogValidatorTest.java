package org.hotelmesh.hotel.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.hotelmesh.hotel.domain.Address;
import org.hotelmesh.hotel.domain.Contact;
import org.hotelmesh.hotel.domain.HotelInput;
import org.hotelmesh.hotel.domain.InvalidInput;
import org.hotelmesh.hotel.domain.PageRequest;
import org.junit.jupiter.api.Test;

class CatalogValidatorTest {

    private static HotelInput hotel(String country, String zone, String email) {
        return new HotelInput("Grand", new Address("1 Main", null, "Seoul", null, country), zone, 4, null,
                email == null ? null : new Contact(email, null));
    }

    @Test
    void validHotelPasses() {
        CatalogValidator.hotel(hotel("KR", "Asia/Seoul", "front@grand.example"));
    }

    @Test
    void offsetZoneIsNotAnIanaId() {
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> CatalogValidator.hotel(hotel("KR", "+09:00", null)));
        assertEquals(List.of("timeZone"), e.violations().stream().map(InvalidInput.Violation::field).toList());
        assertEquals("timeZone: must be an IANA time zone id, e.g. Asia/Seoul", e.getMessage());
    }

    @Test
    void messageNamesFirstFieldAndCountsTheRest() {
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> CatalogValidator.hotel(hotel("UK", "Nowhere/City", "a@b")));
        assertEquals("address.country: must be an ISO-3166 alpha-2 code in upper case, e.g. KR (and 2 more)",
                e.getMessage());
    }

    @Test
    void pageTokenRoundTripsTheLastId() {
        String token = CatalogValidator.encodeToken(4711);
        assertEquals(new PageRequest(20, 4711), CatalogValidator.page(0, token));
        assertEquals(new PageRequest(100, 0), CatalogValidator.page(100, ""));
    }

    @Test
    void tokenOfNonPositiveIdIsRejected() {
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> CatalogValidator.page(5, CatalogValidator.encodeToken(0)));
        assertEquals("pageToken", e.violations().get(0).field());
    }
}
