package org.hotelmesh.edge;

import java.util.List;

import org.hotelmesh.edge.api.CancellationPolicyDto;
import org.hotelmesh.edge.api.MoneyDto;
import org.hotelmesh.edge.api.NightPriceDto;
import org.hotelmesh.edge.api.PaymentDto;
import org.hotelmesh.edge.api.ReservationDto;
import org.hotelmesh.edge.api.StatusChangeDto;

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

    /** The pending reservation of guest-1 in hotel 245 (its payment still processing), as the client returns it. */
    public static ReservationDto pending(String id) {
        return new ReservationDto(id, "245", "12", "2027-04-28", "2027-04-30", 2, "guest-1", "pending", null,
                List.of(), List.of(new StatusChangeDto("pending", "2026-11-22T10:00:00Z")),
                "2026-11-22T10:00:00Z", null,
                new PaymentDto("charging", null, null, null, null, "none", "2026-11-22T10:15:00Z", null, null), POLICY);
    }

    /** The same reservation once its charge captured. */
    public static ReservationDto paid(String id) {
        return new ReservationDto(id, "245", "12", "2027-04-28", "2027-04-30", 2, "guest-1", "paid",
                new MoneyDto(24000, "EUR"),
                List.of(new NightPriceDto("2027-04-28", 12000, "EUR"), new NightPriceDto("2027-04-29", 12000, "EUR")),
                List.of(new StatusChangeDto("pending", "2026-11-22T10:00:00Z"),
                        new StatusChangeDto("paid", "2026-11-22T10:00:01Z")),
                "2026-11-22T10:00:00Z", null,
                new PaymentDto("captured", null, "pay_1", null, null, "none", "2026-11-22T10:15:00Z", null, null), POLICY);
    }

    public static ReservationDto canceled(String id) {
        return new ReservationDto(id, "245", "12", "2027-04-28", "2027-04-30", 2, "guest-1", "canceled",
                new MoneyDto(24000, "EUR"),
                List.of(new NightPriceDto("2027-04-28", 12000, "EUR"), new NightPriceDto("2027-04-29", 12000, "EUR")),
                List.of(new StatusChangeDto("pending", "2026-11-22T10:00:00Z"),
                        new StatusChangeDto("canceled", "2026-11-23T08:30:00Z")),
                "2026-11-22T10:00:00Z", "q-77",
                new PaymentDto("none", null, null, null, null, "none", "2026-11-22T10:15:00Z", null, null), POLICY);
    }

    public static String guest1() {
        return Fixtures.bearer("guest-1", List.of("guest"), List.of());
    }

    public static String guest2() {
        return Fixtures.bearer("guest-2", List.of("guest"), List.of());
    }
}
