package org.hotelmesh.support.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class CallerDeadlineTest {

    @Test
    void readsEveryUnitOfTheWireFormat() {
        assertEquals(Optional.of(2L * 3_600_000_000_000L), CallerDeadline.parseTimeoutNanos("2H"));
        assertEquals(Optional.of(60_000_000_000L), CallerDeadline.parseTimeoutNanos("1M"));
        assertEquals(Optional.of(5_000_000_000L), CallerDeadline.parseTimeoutNanos("5S"));
        assertEquals(Optional.of(799_000_000L), CallerDeadline.parseTimeoutNanos("799m"));
        assertEquals(Optional.of(42_000L), CallerDeadline.parseTimeoutNanos("42u"));
        assertEquals(Optional.of(99_999_999L), CallerDeadline.parseTimeoutNanos("99999999n"));
    }

    @Test
    void ignoresWhatIsNotATimeout() {
        for (String header : new String[] {null, "", "5", "S", "5s", "-5S", "5 S", "123456789S", "1.5S", "５S"}) {
            assertEquals(Optional.empty(), CallerDeadline.parseTimeoutNanos(header), String.valueOf(header));
        }
    }

    @Test
    void outsideAServedCallTheConfiguredDeadlineHolds() {
        assertEquals(Duration.ofSeconds(2), CallerDeadline.within(Duration.ofSeconds(2)));
        assertFalse(CallerDeadline.passed());
    }
}
