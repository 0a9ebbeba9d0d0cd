package org.hotelmesh.reservation.domain;

import java.time.LocalDate;

/**
 * What a paid stay that ends keeps and gives back: the nights before {@code releaseFrom} are kept (and paid for), the
 * rest go back on sale and are refunded, less whatever more the cancellation policy's fee keeps. Never refunds a night
 * kept. Amounts in minor units of the reservation's currency; {@code feeMinor} is what the policy kept beyond the
 * nights kept. {@code releaseFrom} null: every night goes back (a cancellation before arrival).
 */
public record StayEnding(long refundMinor, long feeMinor, LocalDate releaseFrom) {

    /**
     * @param feeDay   the day (hotel calendar) the policy's fee is judged on
     * @param waiveFee staff waived the policy's fee: only the nights kept are paid
     */
    public static StayEnding of(Reservation paid, CancellationPolicy policy, LocalDate releaseFrom, LocalDate feeDay,
            boolean waiveFee) {
        StayPrice price = paid.price();
        if (price == null) {
            return new StayEnding(0, 0, releaseFrom); // booked before prices: nothing was paid
        }
        int kept = releaseFrom == null ? 0 : (int) paid.startDate().datesUntil(releaseFrom).count();
        long stayed = price.nightlyMinor().subList(0, kept).stream().mapToLong(Long::longValue).sum() * paid.rooms();
        long fee = waiveFee ? 0 : policy.feeMinor(price, paid.rooms(), paid.startDate(), feeDay);
        long keptMinor = Math.min(price.totalMinor(), Math.max(stayed, fee));
        return new StayEnding(price.totalMinor() - keptMinor, keptMinor - stayed, releaseFrom);
    }
}
