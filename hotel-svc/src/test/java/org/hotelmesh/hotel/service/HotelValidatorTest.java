package org.hotelmesh.hotel.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.hotelmesh.hotel.domain.Address;
import org.hotelmesh.hotel.domain.Contact;
import org.hotelmesh.hotel.domain.HotelInput;
import org.hotelmesh.hotel.domain.PageRequest;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.ServiceException;
import org.junit.jupiter.api.Test;

class HotelValidatorTest {

    private static HotelInput hotel(String country, String zone, String email) {
        return new HotelInput("Grand", new Address("1 Main", null, "Seoul", null, country), zone, 4, null,
                email == null ? null : new Contact(email, null));
    }

    @Test
    void validHotelPasses() {
        HotelValidator.hotel(hotel("KR", "Asia/Seoul", "front@grand.example"));
    }

    @Test
    void offsetZoneIsNotAnIanaId() {
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> HotelValidator.hotel(hotel("KR", "+09:00", null)));
        assertEquals(List.of("timeZone"), e.violations().stream().map(ServiceException.Violation::field).toList());
        assertEquals("timeZone: must be an IANA time zone id, e.g. Asia/Seoul", e.getMessage());
    }

    @Test
    void messageNamesFirstFieldAndCountsTheRest() {
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> HotelValidator.hotel(hotel("UK", "Nowhere/City", "a@b")));
        assertEquals("address.country: must be an ISO-3166 alpha-2 code in upper case, e.g. KR (and 2 more)",
                e.getMessage());
    }

    @Test
    void pageTokenRoundTripsTheLastId() {
        String token = HotelValidator.encodeToken(4711);
        assertEquals(new PageRequest(20, 4711), HotelValidator.page(0, token));
        assertEquals(new PageRequest(100, 0), HotelValidator.page(100, ""));
    }

    @Test
    void tokenOfNonPositiveIdIsRejected() {
        InvalidInput e = assertThrows(InvalidInput.class,
                () -> HotelValidator.page(5, HotelValidator.encodeToken(0)));
        assertEquals("pageToken", e.violations().get(0).field());
    }
}
