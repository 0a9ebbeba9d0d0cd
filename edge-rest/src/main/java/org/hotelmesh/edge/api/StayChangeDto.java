package org.hotelmesh.edge.api;

/**
 * One change of a reservation's stay. {@code difference} is after.total - before.total: above 0 charged, below 0
 * refunded. {@code state}: charging (the difference is being charged; the stay changes once it is captured), applied,
 * declined (the charge was refused: the stay is unchanged, see {@code declineCode}) or sold_out (the new stay could no
 * longer be had once charged: unchanged, the charge given back). {@code refundState} (none, requested, refunded,
 * failed) follows a difference refunded or a charge given back; null when there is none.
 */
public record StayChangeDto(
        String changeID,
        String by,
        String at,
        StayTermsDto before,
        StayTermsDto after,
        MoneyDto difference,
        String state,
        String declineCode,
        String refundState) {
}
