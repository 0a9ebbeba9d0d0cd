package org.hotelmesh.reservation.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A booking as the client asked for it; {@link #requestHash()} is its idempotency fingerprint. {@code paymentToken}
 * is what the booking is charged to, and {@code price} what it is charged, set by the service before it is decided;
 * neither is part of the fingerprint (a retry with another card answers the original booking). {@code bookedBy} is
 * who made it (the guest, or the staff member booking for them), {@code guestName} the name staff booked it under.
 */
public record BookingRequest(String reservationId, long hotelId, long roomTypeId, LocalDate startDate,
        LocalDate endDate, int rooms, String guestId, String quoteId, String paymentToken, StayPrice price,
        boolean guestLimited, String bookedBy, String guestName) {

    public BookingRequest(String reservationId, long hotelId, long roomTypeId, LocalDate startDate, LocalDate endDate,
            int rooms, String guestId, String quoteId, String paymentToken) {
        this(reservationId, hotelId, roomTypeId, startDate, endDate, rooms, guestId, quoteId, paymentToken, null,
                false, guestId, null);
    }

    public BookingRequest(String reservationId, long hotelId, long roomTypeId, LocalDate startDate, LocalDate endDate,
            int rooms, String guestId, String quoteId, String paymentToken, StayPrice price) {
        this(reservationId, hotelId, roomTypeId, startDate, endDate, rooms, guestId, quoteId, paymentToken, price,
                false, guestId, null);
    }

    public BookingRequest priced(StayPrice stayPrice) {
        return new BookingRequest(reservationId, hotelId, roomTypeId, startDate, endDate, rooms, guestId, quoteId,
                paymentToken, stayPrice, guestLimited, bookedBy, guestName);
    }

    /** The same booking, made by its guest for themselves: held to the guest's limits ({@code GuestLimits}). */
    public BookingRequest heldToGuestLimits() {
        return new BookingRequest(reservationId, hotelId, roomTypeId, startDate, endDate, rooms, guestId, quoteId,
                paymentToken, price, true, bookedBy, guestName);
    }

    /** The same booking, made by {@code staff} for the guest {@code name} (and {@code guest}, their account). */
    public BookingRequest bookedByStaff(String staff, String guest, String name) {
        return new BookingRequest(reservationId, hotelId, roomTypeId, startDate, endDate, rooms, guest, quoteId,
                paymentToken, price, false, staff, name);
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
                quoteId == null ? "" : quoteId) + (guestName == null ? "" : "\nname:" + guestName);
        return Fingerprint.of(canonical);
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
