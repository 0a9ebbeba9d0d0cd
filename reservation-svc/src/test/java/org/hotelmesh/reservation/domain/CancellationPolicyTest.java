package org.hotelmesh.reservation.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class CancellationPolicyTest {

    private static final LocalDate ARRIVAL = LocalDate.of(2030, 6, 10);
    /** Two nights at 100.00 and 150.00 per room, two rooms. */
    private static final StayPrice PRICE = new StayPrice("EUR", List.of(10_000L, 15_000L), 50_000);

    @Test
    void freeUntilTheLastFreeDayInclusiveThenTheFirstNightOfEveryRoom() {
        CancellationPolicy policy = new CancellationPolicy(3, CancellationPolicy.Fee.FIRST_NIGHT, null);
        assertEquals(LocalDate.of(2030, 6, 7), policy.freeUntil(ARRIVAL));
        assertEquals(0, policy.feeMinor(PRICE, 2, ARRIVAL, LocalDate.of(2030, 6, 1)));
        assertEquals(0, policy.feeMinor(PRICE, 2, ARRIVAL, LocalDate.of(2030, 6, 7)));
        assertEquals(20_000, policy.feeMinor(PRICE, 2, ARRIVAL, LocalDate.of(2030, 6, 8)));
        assertEquals(20_000, policy.feeMinor(PRICE, 2, ARRIVAL, ARRIVAL.plusDays(1)));
    }

    @Test
    void aPercentageIsRoundedHalfUpAndNeverAboveTheTotal() {
        StayPrice odd = new StayPrice("EUR", List.of(333L), 333);
        assertEquals(167, new CancellationPolicy(1, CancellationPolicy.Fee.PERCENTAGE, 50)
                .feeMinor(odd, 1, ARRIVAL, ARRIVAL));
        assertEquals(50_000, new CancellationPolicy(1, CancellationPolicy.Fee.PERCENTAGE, 100)
                .feeMinor(PRICE, 2, ARRIVAL, ARRIVAL));
        // 0 days: the arrival day itself is still free
        assertEquals(0, new CancellationPolicy(0, CancellationPolicy.Fee.PERCENTAGE, 100)
                .feeMinor(PRICE, 2, ARRIVAL, ARRIVAL));
        // a first night dearer than the stay's total cannot happen for real; the fee is capped all the same
        StayPrice discounted = new StayPrice("EUR", List.of(10_000L), 5_000);
        assertEquals(5_000, new CancellationPolicy(1, CancellationPolicy.Fee.FIRST_NIGHT, null)
                .feeMinor(discounted, 1, ARRIVAL, ARRIVAL));
    }

    @Test
    void theTermsSayItInWords() {
        assertEquals("free cancellation until the day of arrival; after that, the first night is charged",
                new CancellationPolicy(0, CancellationPolicy.Fee.FIRST_NIGHT, null).terms());
        assertEquals("free cancellation until 1 day before arrival; after that, 30% of the total is charged"
                + " (free until 2030-06-09, hotel time)",
                new CancellationPolicy(1, CancellationPolicy.Fee.PERCENTAGE, 30).terms(ARRIVAL));
    }
}
