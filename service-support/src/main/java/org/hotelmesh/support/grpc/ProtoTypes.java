package org.hotelmesh.support.grpc;

import java.time.DateTimeException;
import java.time.LocalDate;

import org.hotelmesh.proto.common.v1.Date;
import org.hotelmesh.proto.common.v1.DateRange;
import org.hotelmesh.proto.common.v1.Money;

/** The shared messages of hotelmesh.common.v1 and their Java counterparts, converted one way everywhere. */
public final class ProtoTypes {

    private ProtoTypes() {
    }

    /** The day, or null when the message names none (unset, or 2027-02-30): validators then say which field. */
    public static LocalDate toLocalDate(Date date) {
        try {
            return LocalDate.of(date.getYear(), date.getMonth(), date.getDay());
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The range's first day, or null when unset or not a real date. */
    public static LocalDate startDate(DateRange range) {
        return range.hasStartDate() ? toLocalDate(range.getStartDate()) : null;
    }

    /** The range's end (exclusive: a stay's check-out day), or null when unset or not a real date. */
    public static LocalDate endDate(DateRange range) {
        return range.hasEndDate() ? toLocalDate(range.getEndDate()) : null;
    }

    public static Date toProto(LocalDate date) {
        return Date.newBuilder().setYear(date.getYear()).setMonth(date.getMonthValue())
                .setDay(date.getDayOfMonth()).build();
    }

    public static DateRange range(LocalDate start, LocalDate end) {
        return DateRange.newBuilder().setStartDate(toProto(start)).setEndDate(toProto(end)).build();
    }

    /** An amount in minor units of an ISO-4217 currency; no currency is sent as "". */
    public static Money money(long amountMinor, String currency) {
        return Money.newBuilder().setAmountMinor(amountMinor).setCurrency(currency == null ? "" : currency).build();
    }
}
