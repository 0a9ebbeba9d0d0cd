package org.hotelmesh.edge;

import java.util.List;

import org.hotelmesh.edge.api.CancellationPolicyDto;
import org.hotelmesh.edge.api.MoneyDto;
import org.hotelmesh.edge.api.NightPriceDto;
import org.hotelmesh.edge.api.PaymentDto;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.edge.api.RoomAssignmentDto;
import org.hotelmesh.edge.api.StatusChangeDto;
import org.hotelmesh.edge.api.StayChangeDto;
import org.hotelmesh.edge.api.StayTermsDto;

/** Reservations and tokens for the reservation and inventory tests. */
public final class ReservationFixtures {

    private ReservationFixtures() {
    }

    public static final String ID = "6f1c2d3e-0000-4000-8000-000000000001";

    public static final String BOOKING_JSON = """
            {"startDate":"2027-04-28","endDate":"2027-04-30","hotelID":"245","roomTypeID":12,\
            "reservationID":"%s","rooms":2,"paymentToken":"tok_visa"}""".formatted(ID);

    static final CancellationPolicyDto POLICY = new CancellationPolicyDto(2, "first_night", null,
            "free cancellation until 2 days before arrival; after that, the first night is charged");

    static final List<NightPriceDto> NIGHTS = List.of(new NightPriceDto("2027-04-28", 12000, "EUR"),
            new NightPriceDto("2027-04-29", 12000, "EUR"));
    static final StatusChangeDto BOOKED = new StatusChangeDto("pending", "2026-11-22T10:00:00Z", "guest-1");
    static final StatusChangeDto PAID = new StatusChangeDto("paid", "2026-11-22T10:00:01Z", "system:payment-saga");
    static final PaymentDto CAPTURED = new PaymentDto("captured", null, "pay_1", null, null, "none",
            "2026-11-22T10:15:00Z", null, null);

    /** The pending reservation of guest-1 in hotel 245 (its payment still processing), as the client returns it. */
    public static ReservationDto pending(String id) {
        return new ReservationDto(id, "245", "12", "2027-04-28", "2027-04-30", 2, "guest-1", "pending", null,
                List.of(), List.of(BOOKED), "2026-11-22T10:00:00Z", null,
                new PaymentDto("charging", null, null, null, null, "none", "2026-11-22T10:15:00Z", null, null), POLICY,
                List.of(), "guest-1", null, List.of(), null);
    }

    /** The same reservation once its charge captured. */
    public static ReservationDto paid(String id) {
        return new ReservationDto(id, "245", "12", "2027-04-28", "2027-04-30", 2, "guest-1", "paid",
                new MoneyDto(24000, "EUR"), NIGHTS, List.of(BOOKED, PAID), "2026-11-22T10:00:00Z", null, CAPTURED,
                POLICY, List.of(), "guest-1", null, List.of(), null);
    }

    public static ReservationDto canceled(String id) {
        return new ReservationDto(id, "245", "12", "2027-04-28", "2027-04-30", 2, "guest-1", "canceled",
                new MoneyDto(24000, "EUR"), NIGHTS,
                List.of(BOOKED, new StatusChangeDto("canceled", "2026-11-23T08:30:00Z", "guest-1")),
                "2026-11-22T10:00:00Z", "q-77",
                new PaymentDto("none", null, null, null, null, "none", "2026-11-22T10:15:00Z", null, null), POLICY,
                List.of(), "guest-1", null, List.of(), null);
    }

    /** The paid reservation checked in by staff of hotel 245 into rooms 1205 and 1206. */
    public static ReservationDto checkedIn(String id) {
        return new ReservationDto(id, "245", "12", "2027-04-28", "2027-04-30", 2, "guest-1", "checked_in",
                new MoneyDto(24000, "EUR"), NIGHTS,
                List.of(BOOKED, PAID, new StatusChangeDto("checked_in", "2027-04-28T15:02:00Z", "staff-245")),
                "2026-11-22T10:00:00Z", null, CAPTURED, POLICY,
                List.of(new RoomAssignmentDto("31", "1205", "2027-04-28", "2027-04-30", false),
                        new RoomAssignmentDto("32", "1206", "2027-04-28", "2027-04-30", false)),
                "guest-1", null, List.of(), null);
    }

    /** The checked-in reservation after an early departure on 2027-04-29: that night given back. */
    public static ReservationDto checkedOutEarly(String id) {
        return new ReservationDto(id, "245", "12", "2027-04-28", "2027-04-30", 2, "guest-1", "checked_out",
                new MoneyDto(24000, "EUR"), NIGHTS,
                List.of(BOOKED, PAID, new StatusChangeDto("checked_in", "2027-04-28T15:02:00Z", "staff-245"),
                        new StatusChangeDto("checked_out", "2027-04-29T09:30:00Z", "staff-245")),
                "2026-11-22T10:00:00Z", null,
                new PaymentDto("captured", null, "pay_1", new MoneyDto(12000, "EUR"), null, "requested",
                        "2026-11-22T10:15:00Z", "2027-04-29T09:30:00Z", false), POLICY,
                List.of(new RoomAssignmentDto("31", "1205", "2027-04-28", "2027-04-29", false),
                        new RoomAssignmentDto("32", "1206", "2027-04-28", "2027-04-29", false)),
                "guest-1", null, List.of(), "2027-04-29");
    }

    /** Booked by staff of hotel 245 for a caller on the phone, without a guest account (reservation-svc's desk id). */
    public static ReservationDto bookedByStaff(String id) {
        return new ReservationDto(id, "245", "12", "2027-04-28", "2027-04-30", 2, "desk:" + id, "paid",
                new MoneyDto(24000, "EUR"), NIGHTS,
                List.of(new StatusChangeDto("pending", "2026-11-22T10:00:00Z", "staff-245"), PAID),
                "2026-11-22T10:00:00Z", null, CAPTURED, POLICY, List.of(), "staff-245", "Ada Lovelace", List.of(),
                null);
    }

    /** The paid reservation moved one night later by its guest, the new stay costing 30.00 more. */
    public static final StayChangeDto ONE_NIGHT_LATER = new StayChangeDto("chg-1", "guest-1", "2026-12-01T09:00:00Z",
            new StayTermsDto("12", "2027-04-28", "2027-04-30", 2, new MoneyDto(24000, "EUR")),
            new StayTermsDto("12", "2027-04-29", "2027-05-01", 2, new MoneyDto(27000, "EUR")),
            new MoneyDto(3000, "EUR"), "applied", null, null);

    public static ReservationDto changed(String id) {
        return new ReservationDto(id, "245", "12", "2027-04-29", "2027-05-01", 2, "guest-1", "paid",
                new MoneyDto(27000, "EUR"), List.of(new NightPriceDto("2027-04-29", 12000, "EUR"),
                        new NightPriceDto("2027-04-30", 15000, "EUR")),
                List.of(BOOKED, PAID), "2026-11-22T10:00:00Z", null, CAPTURED, POLICY, List.of(), "guest-1", null,
                List.of(ONE_NIGHT_LATER), null);
    }

    /** The same reservation, of another guest (who booked it). */
    public static ReservationDto ownedBy(ReservationDto r, String guestId) {
        return new ReservationDto(r.reservationID(), r.hotelID(), r.roomTypeID(), r.startDate(), r.endDate(),
                r.rooms(), guestId, r.status(), r.total(), r.nights(), r.history(), r.createdAt(), r.quoteID(),
                r.payment(), r.cancellationPolicy(), r.roomAssignments(), guestId, r.guestName(), r.changes(),
                r.releasedFrom());
    }

    public static String guest1() {
        return Fixtures.bearer("guest-1", List.of("guest"), List.of());
    }

    public static String guest2() {
        return Fixtures.bearer("guest-2", List.of("guest"), List.of());
    }
}
