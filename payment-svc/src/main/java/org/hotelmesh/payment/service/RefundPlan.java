package org.hotelmesh.payment.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hotelmesh.payment.domain.Payment;
import org.hotelmesh.payment.domain.PaymentState;
import org.hotelmesh.payment.domain.RefundCommand;
import org.hotelmesh.support.error.PreconditionFailed;

/**
 * How a refund is taken from a reservation's charges: from the captured ones in the refund's currency, newest first,
 * each giving what is left of it (its amount less every refund taken from it before, confirmed or not), until the
 * refund is covered. A refund of more than what is left of all of them is refused, naming the amounts.
 */
final class RefundPlan {

    /** The share of the refund one charge gives. */
    record Share(Payment charge, long amountMinor) {
    }

    private RefundPlan() {
    }

    /**
     * @param charges the reservation's charges, newest first (not empty)
     * @param taken   what refunds took from each charge before, by payment id
     */
    static List<Share> split(List<Payment> charges, Map<String, Long> taken, RefundCommand refund) {
        String id = refund.reservationId();
        List<Payment> captured = charges.stream().filter(Payment::captured).toList();
        if (captured.isEmpty()) {
            Payment charge = charges.stream().filter(p -> p.state() == PaymentState.PROCESSING).findFirst()
                    .orElse(charges.stream().filter(p -> Payment.BOOKING.equals(p.chargeId())).findFirst()
                            .orElse(charges.get(0)));
            throw charge.state() == PaymentState.PROCESSING
                    ? new PreconditionFailed("the charge of reservation " + id
                            + " is still processing; refund it once it is captured")
                    : new PreconditionFailed("the charge of reservation " + id + " was " + charge.state().column()
                            + ": nothing was captured, so there is nothing to refund");
        }
        List<Payment> inCurrency = captured.stream().filter(p -> p.currency().equals(refund.currency())).toList();
        if (inCurrency.isEmpty()) {
            throw new PreconditionFailed("reservation " + id + " was charged in " + captured.get(0).currency()
                    + "; a refund is in the charge's currency");
        }
        long charged = inCurrency.stream().mapToLong(Payment::amountMinor).sum();
        long takenBefore = inCurrency.stream().mapToLong(p -> taken.getOrDefault(p.paymentId(), 0L)).sum();
        long left = charged - takenBefore;
        if (refund.amountMinor() > left) {
            String currency = refund.currency();
            throw new PreconditionFailed(takenBefore == 0
                    ? "reservation " + id + " was charged " + currency + " " + charged
                            + " (minor units); a refund cannot be more"
                    : "reservation " + id + " was charged " + currency + " " + charged + " (minor units), of which "
                            + currency + " " + takenBefore + " is refunded or being refunded; a refund cannot be"
                            + " more than the " + currency + " " + left + " left");
        }
        List<Share> shares = new ArrayList<>();
        long wanted = refund.amountMinor();
        for (Payment charge : inCurrency) {
            long share = Math.min(wanted, charge.amountMinor() - taken.getOrDefault(charge.paymentId(), 0L));
            if (share > 0) {
                shares.add(new Share(charge, share));
                wanted -= share;
            }
            if (wanted == 0) {
                break;
            }
        }
        return shares;
    }
}
