package org.hotelmesh.reservation.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A booking as the client asked for it; {@link #requestHash()} is its idempotency fingerprint. {@code paymentToken}
 * is what the booking is charged to, and {@code price} what it is charged, set by the service before it is decided;
 * neither is part of the fingerprint (a retry with another card answers the original booking).
 */
public record BookingRequest(String reservationId, long hotelId, long roomTypeId, LocalDate startDate,
        LocalDate endDate, int rooms, String guestId, String quoteId, String paymentToken, StayPrice price,
        boolean guestLimited) {

    public BookingRequest(String reservationId, long hotelId, long roomTypeId, LocalDate startDate, LocalDate endDate,
            int rooms, String guestId, String quoteId, String paymentToken) {
        this(reservationId, hotelId, roomTypeId, startDate, endDate, rooms, guestId, quoteId, paymentToken, null,
                false);
    }

    public BookingRequest(String reservationId, long hotelId, long roomTypeId, LocalDate startDate, LocalDate endDate,
            int rooms, String guestId, String quoteId, String paymentToken, StayPrice price) {
        this(reservationId, hotelId, roomTypeId, startDate, endDate, rooms, guestId, quoteId, paymentToken, price,
                false);
    }

    public BookingRequest priced(StayPrice stayPrice) {
        return new BookingRequest(reservationId, hotelId, roomTypeId, startDate, endDate, rooms, guestId, quoteId,
                paymentToken, stayPrice, guestLimited);
    }

    /** The same booking, made by its guest for themselves: held to the guest's limits ({@code GuestLimits}). */
    public BookingRequest heldToGuestLimits() {
        return new BookingRequest(reservationId, hotelId, roomTypeId, startDate, endDate, rooms, guestId, quoteId,
                paymentToken, price, true);
    }

    public int nights() {
        return (int) ChronoUnit.DAYS.between(startDate, endDate);
    }

    public List<LocalDate> nightDates() {
        return startDate.datesUntil(endDate).toList();
    }

    /** SHA-256 over every field that defines the booking (the payment token is not part of it). */
    public String requestHash() {
        String canonical = String.join("\n", reservationId, Long.toString(hotelId), Long.toString(roomTypeId),
                startDate.toString(), endDate.toString(), Integer.toString(rooms), guestId,
                quoteId == null ? "" : quoteId);
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** The request fields (REST names) in which a stored reservation differs from this request. */
    public List<String> differingFields(Reservation stored) {
        List<String> fields = new ArrayList<>();
        if (hotelId != stored.hotelId()) {
            fields.add("hotelID");
        }
        if (roomTypeId != stored.roomTypeId()) {
            fields.add("roomTypeID");
        }
        if (!startDate.equals(stored.startDate())) {
            fields.add("startDate");
        }
        if (!endDate.equals(stored.endDate())) {
            fields.add("endDate");
        }
        if (rooms != stored.rooms()) {
            fields.add("rooms");
        }
        if (!guestId.equals(stored.guestId())) {
            fields.add("guestID");
        }
        if (!Objects.equals(quoteId, stored.quoteId())) {
            fields.add("quoteID");
        }
        return fields;
    }
}
