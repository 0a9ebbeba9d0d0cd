package org.hotelmesh.reservation.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.cache.AvailabilityCache;
import org.hotelmesh.reservation.client.PaymentClient;
import org.hotelmesh.reservation.config.BookingConfig;
import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.domain.ChangeRequest;
import org.hotelmesh.reservation.domain.GuestLedger;
import org.hotelmesh.reservation.domain.InventoryNight;
import org.hotelmesh.reservation.domain.NoInventory;
import org.hotelmesh.reservation.domain.PaymentState;
import org.hotelmesh.reservation.domain.PaymentView;
import org.hotelmesh.reservation.domain.RefundState;
import org.hotelmesh.reservation.domain.Reservation;
import org.hotelmesh.reservation.domain.ReservationStatus;
import org.hotelmesh.reservation.domain.SoldOut;
import org.hotelmesh.reservation.domain.StayChange;
import org.hotelmesh.reservation.domain.StayPrice;
import org.hotelmesh.reservation.domain.StayTerms;
import org.hotelmesh.reservation.repository.Contention;
import org.hotelmesh.reservation.repository.InventoryRepository;
import org.hotelmesh.reservation.repository.ReservationRepository;
import org.hotelmesh.reservation.repository.SqlStates;
import org.hotelmesh.reservation.repository.StayChangeRepository;
import org.hotelmesh.support.catalog.CatalogLookup;
import org.hotelmesh.support.client.DownstreamUnavailable;
import org.hotelmesh.support.error.Conflict;
import org.hotelmesh.support.error.InvalidInput;
import org.hotelmesh.support.error.NotFound;
import org.hotelmesh.support.error.Overloaded;
import org.hotelmesh.support.error.PreconditionFailed;
import org.hotelmesh.support.error.ServiceException;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Changes of a paid stay that has not begun (dates, room type, room count), idempotent by change id, and the small saga
 * of their money:
 * <ul>
 * <li>the new stay is priced now (or by its quote); a new stay that costs more is charged its difference first
 * (charge id = change id) and applied once captured; one that costs less or the same is applied at once and its
 * difference refunded (refund id = change id);</li>
 * <li>applying is one transaction on the inventory: the old nights are released and the new ones taken under the same
 * optimistic version check as bookings (a concurrent booking makes it retry, never oversell), and the reservation row
 * takes the new terms; the new stay sold out rolls it all back, the old stay untouched (a difference already charged is
 * then refunded: state sold_out);</li>
 * <li>a charge whose outcome is not known yet is left charging for the recovery job, which takes it on from there.</li>
 * </ul>
 * The guest changes their own stay until the day before arrival, held to the rooms one guest may have at a hotel on a
 * night ({@link GuestLimits}); the hotel's staff until its check-in.
 */
@ApplicationScoped
public class StayChanges {

    private static final Logger LOG = Logger.getLogger(StayChanges.class);

    /** What a change would come to. */
    public record Preview(Reservation reservation, StayTerms before, StayTerms after, StayPrice afterPrice) {

        public long differenceMinor() {
            return after.totalMinor() - before.totalMinor();
        }
    }

    /** The inventory rows a swap wrote (for the availability cache), of hotel {@code hotelId}. */
    private record Swapped(long hotelId, List<InventoryNight> touched) {
        static final Swapped NOTHING = new Swapped(0, List.of());
    }

    /** A change as it stands, with the reservation after it. */
    public record Outcome(Reservation reservation, StayChange change) {
    }

    private final Pool pool;
    private final ReservationRepository reservations;
    private final StayChangeRepository changes;
    private final InventoryRepository inventory;
    private final AvailabilityCache cache;
    private final CatalogLookup catalog;
    private final BookingPricer pricer;
    private final PaymentClient payments;
    private final HotelCalendar calendar;
    private final BookingConfig booking;
    private final GuestLimits guestLimits;

    public StayChanges(Pool pool, ReservationRepository reservations, StayChangeRepository changes,
            InventoryRepository inventory, AvailabilityCache cache, CatalogLookup catalog, BookingPricer pricer,
            PaymentClient payments, HotelCalendar calendar, BookingConfig booking, GuestLimits guestLimits) {
        this.guestLimits = guestLimits;
        this.pool = pool;
        this.reservations = reservations;
        this.changes = changes;
        this.inventory = inventory;
        this.cache = cache;
        this.catalog = catalog;
        this.pricer = pricer;
        this.payments = payments;
        this.calendar = calendar;
        this.booking = booking;
    }

    /** The new stay's terms and price, checked as a change would be, without changing anything. */
    public Uni<Preview> preview(Reservation r, ChangeRequest request, boolean byHotel) {
        ReservationValidator.change(request, false);
        if (r.status() != ReservationStatus.PAID) {
            throw new PreconditionFailed("reservation " + r.reservationId() + " is " + r.status().db()
                    + ": only a paid stay that has not begun can be changed");
        }
        if (r.price() == null) {
            throw new PreconditionFailed("reservation " + r.reservationId() + " was booked before stays were priced"
                    + " and cannot be changed; cancel it and book again");
        }
        StayTerms before = r.terms();
        StayTerms asked = request.applyTo(before, 0);
        if (asked.sameStay(before)) {
            throw new InvalidInput("stay", "the change asks for the stay as it is");
        }
        return calendar.today(r.hotelId()).flatMap(today -> {
            if (!byHotel && !today.isBefore(r.startDate())) {
                throw new PreconditionFailed("reservation " + r.reservationId() + " arrives on " + r.startDate()
                        + " (hotel time): from the arrival day only the hotel's front desk can change it");
            }
            if (asked.startDate().isBefore(today)) {
                throw new InvalidInput("startDate", "must not be in the past; today is " + today + " at the hotel");
            }
            return catalog.hotel(r.hotelId(), asked.roomTypeId());
        }).flatMap(hotel -> {
            if (hotel.isEmpty() || !hotel.get().hasRoomType(asked.roomTypeId())) {
                throw new InvalidInput("roomTypeID", "room type " + asked.roomTypeId() + " does not exist in hotel "
                        + r.hotelId());
            }
            if (hotel.get().offSale()) {
                throw new PreconditionFailed(hotel.get().offSaleReason());
            }
            BookingRequest pricing = new BookingRequest(r.reservationId(), r.hotelId(), asked.roomTypeId(),
                    asked.startDate(), asked.endDate(), asked.rooms(), r.guestId(), request.quoteId(), null);
            return pricer.price(pricing);
        }).map(price -> {
            if (!price.currency().equals(r.price().currency())) {
                throw new PreconditionFailed("the new stay is priced in " + price.currency() + " and the reservation in "
                        + r.price().currency() + "; cancel it and book again");
            }
            return new Preview(r, before, request.applyTo(before, price.totalMinor()), price);
        });
    }

    /**
     * Changes the stay (see the class comment), by {@code by}. A change id seen before answers where that change
     * stands (another change's values under it: ALREADY_EXISTS); a change still charging is taken a step further.
     */
    public Uni<Outcome> change(Reservation r, ChangeRequest request, String by, boolean byHotel, boolean guestLimited) {
        ReservationValidator.change(request, true);
        return changes.find(pool, request.changeId()).flatMap(seen -> {
            if (seen.isPresent()) {
                return replay(request, seen.get());
            }
            return changes.charging(pool, r.reservationId()).flatMap(busy -> {
                if (busy) {
                    throw new PreconditionFailed("an earlier change of reservation " + r.reservationId()
                            + " is still being charged; try again in a moment");
                }
                return preview(r, request, byHotel);
            }).flatMap(preview -> preview.differenceMinor() > 0 ? chargeFirst(preview, request, by, guestLimited)
                    : applyNow(preview, request, by, guestLimited));
        });
    }

    private Uni<Outcome> replay(ChangeRequest request, StayChange seen) {
        if (!seen.reservationId().equals(request.reservationId()) || !seen.requestHash().equals(request.requestHash())) {
            throw new Conflict("change " + request.changeId() + " was already made with other values; use a new"
                    + " changeID for another change");
        }
        Uni<Void> step = seen.state() == StayChange.State.CHARGING || seen.refundState() == RefundState.REQUESTED
                ? step(seen.changeId(), false) : Uni.createFrom().voidItem();
        return step.flatMap(ignored -> outcome(seen.changeId()));
    }

    /** Costs more: sold out now is refused before anything is charged; else charge, and apply once captured. */
    private Uni<Outcome> chargeFirst(Preview preview, ChangeRequest request, String by, boolean guestLimited) {
        if (request.paymentToken() == null || request.paymentToken().isEmpty()) {
            throw new InvalidInput("paymentToken", "is required: the new stay costs " + preview.differenceMinor()
                    + " " + preview.afterPrice().currency() + " (minor units) more");
        }
        StayChange change = record(preview, request, by, StayChange.State.CHARGING, RefundState.NONE, null);
        return pool.withTransaction(tx -> withinGuestLimits(tx, preview, guestLimited)
                        .chain(() -> takeable(tx, preview.reservation(), preview.before(), preview.after()))
                        .chain(() -> changes.insert(tx, preview.reservation().hotelId(), change, preview.afterPrice(),
                                request.quoteId(), request.paymentToken())))
                .flatMap(ignored -> step(change.changeId(), true))
                .flatMap(ignored -> outcome(change.changeId()))
                .onFailure(failure -> SqlStates.is(failure, SqlStates.UNIQUE_VIOLATION))
                .recoverWithUni(failure -> sameIdMeanwhile(request));
    }

    /** Costs less or the same: applied now, the difference refunded after. */
    private Uni<Outcome> applyNow(Preview preview, ChangeRequest request, String by, boolean guestLimited) {
        long back = -preview.differenceMinor();
        StayChange change = record(preview, request, by, StayChange.State.APPLIED,
                back > 0 ? RefundState.REQUESTED : RefundState.NONE, back > 0 ? back : null);
        return swapWithRetries(tx -> withinGuestLimits(tx, preview, guestLimited)
                        .chain(() -> swap(tx, preview.reservation().reservationId(), preview.before(),
                                preview.after(), preview.afterPrice(), request.quoteId()))
                        .call(() -> changes.insert(tx, preview.reservation().hotelId(), change, preview.afterPrice(),
                                request.quoteId(), null)))
                .call(swapped -> cache.put(swapped.hotelId(), swapped.touched()))
                .flatMap(ignored -> back > 0 ? step(change.changeId(), false) : Uni.createFrom().voidItem())
                .flatMap(ignored -> outcome(change.changeId()))
                .onFailure(failure -> SqlStates.is(failure, SqlStates.UNIQUE_VIOLATION))
                .recoverWithUni(failure -> sameIdMeanwhile(request));
    }

    /** A concurrent request recorded the same change id first (its transaction won): answered as a replay of it. */
    private Uni<Outcome> sameIdMeanwhile(ChangeRequest request) {
        return changes.find(pool, request.changeId()).flatMap(seen -> replay(request, seen.orElseThrow()));
    }

    private static StayChange record(Preview preview, ChangeRequest request, String by, StayChange.State state,
            RefundState refund, Long refundMinor) {
        return new StayChange(request.changeId(), preview.reservation().reservationId(), by, null, preview.before(),
                preview.after(), preview.afterPrice().currency(), state, null, null, refund, refundMinor,
                request.requestHash());
    }

    /**
     * One step of a change's money: learns (or makes, {@code charge}: the request that recorded it) the difference's
     * charge and applies the change once captured; asks for a refund owed. Never fails: what payment-svc could not
     * answer now is left for the recovery job.
     */
    public Uni<Void> step(String changeId, boolean charge) {
        return changes.pending(pool, changeId).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            StayChangeRepository.Pending pending = found.get();
            StayChange change = pending.change();
            if (change.state() == StayChange.State.CHARGING) {
                return settleCharge(pending, charge);
            }
            return change.refundState() == RefundState.REQUESTED ? refund(change) : Uni.createFrom().voidItem();
        }).onFailure(failure -> !(failure instanceof ServiceException)).recoverWithUni(failure -> {
            LOG.warnf(failure, "change %s: its step failed; the recovery job will retry", changeId);
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> settleCharge(StayChangeRepository.Pending pending, boolean charge) {
        StayChange change = pending.change();
        String id = change.reservationId();
        Uni<Optional<PaymentView>> known = charge ? chargeDifference(pending).map(Optional::of)
                : payments.find(id, change.changeId()).flatMap(found -> found.isEmpty() && pending.paymentToken() != null
                        ? chargeDifference(pending).map(Optional::of) : Uni.createFrom().item(found));
        return known.flatMap(payment -> {
            if (payment.isEmpty() || payment.get().status() == PaymentView.Status.PROCESSING) {
                return Uni.createFrom().voidItem(); // payment-svc finishes it; the recovery job reads the outcome
            }
            PaymentView paid = payment.get();
            if (!paid.status().captured()) {
                PaymentState outcome = paid.status() == PaymentView.Status.DECLINED ? PaymentState.DECLINED
                        : PaymentState.FAILED;
                String code = paid.declineCode() == null || paid.declineCode().isEmpty() ? null : paid.declineCode();
                return changes.declined(pool, change.changeId(), outcome, code).replaceWithVoid();
            }
            return apply(pending, paid.paymentId());
        }).onFailure(DownstreamUnavailable.class).recoverWithUni(failure -> {
            LOG.debugf("change %s: charge outcome still unknown (%s)", change.changeId(), failure.getMessage());
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<PaymentView> chargeDifference(StayChangeRepository.Pending pending) {
        StayChange change = pending.change();
        if (pending.paymentToken() == null) {
            throw new IllegalStateException("change " + change.changeId() + " is charging without a payment token");
        }
        return payments.charge(change.reservationId(), change.changeId(), change.differenceMinor(), change.currency(),
                pending.paymentToken());
    }

    /**
     * The difference was captured: the change is applied in the transaction that moves it on from charging (of
     * concurrent steps, the one that locks it first). The new stay gone meanwhile, or the reservation changed: sold
     * out, and the charge is owed back.
     */
    private Uni<Void> apply(StayChangeRepository.Pending pending, String paymentId) {
        StayChange change = pending.change();
        return swapWithRetries(tx -> changes.lockPending(tx, change.changeId()).flatMap(now -> {
                    if (now.isEmpty() || now.get().change().state() != StayChange.State.CHARGING) {
                        return Uni.createFrom().item(Swapped.NOTHING);
                    }
                    return swap(tx, change.reservationId(), change.before(), change.after(), pending.afterPrice(),
                            pending.afterQuoteId())
                            .call(() -> changes.applied(tx, change.changeId(), paymentId));
                }))
                .call(swapped -> cache.put(swapped.hotelId(), swapped.touched()))
                .replaceWithVoid()
                .onFailure(PreconditionFailed.class).recoverWithUni(refused -> {
                    LOG.infof("change %s of reservation %s could not be applied after its charge (%s); refunding %d %s",
                            change.changeId(), change.reservationId(), refused.getMessage(), change.differenceMinor(),
                            change.currency());
                    return changes.soldOutAfterCharge(pool, change.changeId(), paymentId, change.differenceMinor())
                            .flatMap(owed -> owed ? changes.find(pool, change.changeId())
                                    .flatMap(now -> refund(now.orElseThrow())) : Uni.createFrom().voidItem());
                });
    }

    private Uni<Void> refund(StayChange change) {
        String reason = change.state() == StayChange.State.SOLD_OUT
                ? "change of stay " + change.changeId() + " could not be made after its charge"
                : "change of stay " + change.changeId() + ": the new stay costs less";
        return payments.refund(change.reservationId(), change.changeId(), change.refundMinor(), change.currency(),
                        reason)
                .flatMap(done -> done ? changes.finishRefund(pool, change.changeId(), RefundState.REFUNDED)
                        : Uni.createFrom().voidItem())
                .onFailure(DownstreamUnavailable.class).recoverWithUni(failure -> Uni.createFrom().voidItem())
                .onFailure(PaymentClient.RefundRefused.class).recoverWithUni(failure -> {
                    LOG.errorf("payment-svc refused the refund of %d %s for change %s (%s); staff must look",
                            change.refundMinor(), change.currency(), change.changeId(), failure.getMessage());
                    return changes.finishRefund(pool, change.changeId(), RefundState.FAILED);
                });
    }

    /**
     * A guest changing their own stay is held to the rooms one guest may have at the hotel on a night, like a booking:
     * under the guest's lock, what they hold on the new nights less what this stay holds there now, plus the new rooms.
     */
    private Uni<Void> withinGuestLimits(SqlConnection tx, Preview preview, boolean guestLimited) {
        if (!guestLimited) {
            return Uni.createFrom().voidItem();
        }
        Reservation r = preview.reservation();
        StayTerms after = preview.after();
        GuestLedger ledger = new GuestLedger();
        return reservations.lockAndReadHoldings(tx, List.of(r.guestId()), r.hotelId(), after.startDate(),
                after.endDate(), ledger).invoke(() -> {
                    after.startDate().datesUntil(after.endDate())
                            .filter(night -> holds(preview.before(), r.roomTypeId(), night))
                            .forEach(night -> ledger.heldOn(r.guestId(), night, -preview.before().rooms()));
                    BookingRequest asked = new BookingRequest(r.reservationId(), r.hotelId(), after.roomTypeId(),
                            after.startDate(), after.endDate(), after.rooms(), r.guestId(), null, null);
                    Overloaded refused = guestLimits.roomsRefusal(asked, ledger.of(asked));
                    if (refused != null) {
                        throw refused;
                    }
                });
    }

    /** Fails with {@link SoldOut} (or {@link NoInventory}) unless the new stay could be taken once the old one is given back. */
    private Uni<Void> takeable(SqlConnection tx, Reservation r, StayTerms before, StayTerms after) {
        return inventory.nights(tx, r.hotelId(), after.roomTypeId(), after.startDate(), after.endDate())
                .invoke(nights -> {
                    Map<LocalDate, InventoryNight> byDate = byDate(nights);
                    for (LocalDate night : after.startDate().datesUntil(after.endDate()).toList()) {
                        InventoryNight row = byDate.get(night);
                        if (row == null) {
                            throw new NoInventory(r.hotelId(), after.roomTypeId(), night);
                        }
                        int givenBack = holds(before, after.roomTypeId(), night) ? before.rooms() : 0;
                        if (row.totalReserved() - givenBack + after.rooms() > row.sellableLimit()) {
                            throw new SoldOut(night);
                        }
                    }
                })
                .replaceWithVoid();
    }

    /**
     * The atomic step on the inventory, in the caller's transaction: the reservation locked and still {@code before}
     * (else it changed meanwhile: refused), its nights released, the new nights taken under their versions (a
     * concurrent booking: {@link Contention}, retried), its row given the new terms. The rows it touched, as written.
     */
    private Uni<Swapped> swap(SqlConnection tx, String reservationId, StayTerms before, StayTerms after,
            StayPrice afterPrice, String quoteId) {
        return tx.preparedQuery("""
                SELECT hotel_id, room_type_id, start_date, end_date, rooms, status FROM reservation
                WHERE reservation_id = $1 FOR UPDATE
                """)
                .execute(Tuple.of(reservationId))
                .flatMap(rows -> {
                    var row = rows.iterator().next();
                    StayTerms now = new StayTerms(row.getLong("room_type_id"), row.getLocalDate("start_date"),
                            row.getLocalDate("end_date"), row.getInteger("rooms"), before.totalMinor());
                    if (!"paid".equals(row.getString("status")) || !now.sameStay(before)) {
                        throw new PreconditionFailed("reservation " + reservationId + " changed meanwhile (it is "
                                + row.getString("status") + ", " + now.startDate() + " to " + now.endDate()
                                + "); ask again");
                    }
                    long hotel = row.getLong("hotel_id");
                    return inventory.release(tx, hotel, before.roomTypeId(), before.startDate(), before.endDate(),
                                    before.rooms())
                            .invoke(released -> {
                                if (released.size() != before.startDate().datesUntil(before.endDate()).count()) {
                                    throw new IllegalStateException("reservation " + reservationId + " held nights"
                                            + " that have no inventory row");
                                }
                            })
                            .flatMap(released -> inventory.nights(tx, hotel, after.roomTypeId(), after.startDate(),
                                            after.endDate())
                                    .flatMap(nights -> take(tx, hotel, after, nights))
                                    .map(taken -> new Swapped(hotel, merge(released, taken))));
                })
                .call(() -> tx.preparedQuery("""
                        UPDATE reservation SET room_type_id = $2, start_date = $3, end_date = $4, rooms = $5,
                        total_amount_minor = $6, nightly_prices_minor = $7, quote_id = $8
                        WHERE reservation_id = $1 AND status = 'paid'
                        """)
                        .execute(Tuple.from(List.<Object>of(reservationId, after.roomTypeId(), after.startDate(),
                                after.endDate(), after.rooms(), after.totalMinor(),
                                afterPrice.nightlyMinor().toArray(Long[]::new))).addValue(quoteId)));
    }

    private Uni<List<InventoryNight>> take(SqlConnection tx, long hotel, StayTerms after, List<InventoryNight> nights) {
        Map<LocalDate, InventoryNight> byDate = byDate(nights);
        List<LocalDate> dates = after.startDate().datesUntil(after.endDate()).toList();
        Long[] versions = new Long[dates.size()];
        Integer[] reserved = new Integer[dates.size()];
        for (int i = 0; i < dates.size(); i++) {
            InventoryNight row = byDate.get(dates.get(i));
            if (row == null) {
                throw new NoInventory(hotel, after.roomTypeId(), dates.get(i));
            }
            if (row.totalReserved() + after.rooms() > row.sellableLimit()) {
                throw new SoldOut(dates.get(i));
            }
            versions[i] = row.version();
            reserved[i] = row.totalReserved() + after.rooms();
        }
        return inventory.setReservedIfUnchanged(tx, hotel, after.roomTypeId(), dates.toArray(LocalDate[]::new),
                versions, reserved).invoke(written -> {
                    if (written.size() != dates.size()) {
                        throw new Contention((dates.size() - written.size()) + " nights changed since read");
                    }
                });
    }

    /** A swap in a transaction of its own, retried (read again) while a concurrent booking moves a night it needs. */
    private Uni<Swapped> swapWithRetries(Function<SqlConnection, Uni<Swapped>> work) {
        return pool.withTransaction(work)
                .onFailure(Contention.class).retry()
                .withBackOff(booking.backoffMin(), booking.backoffMax()).atMost(booking.maxAttempts());
    }

    private Uni<Outcome> outcome(String changeId) {
        return changes.find(pool, changeId).flatMap(found -> {
            StayChange change = found.orElseThrow(() -> new IllegalStateException("change " + changeId + " vanished"));
            if (change.state() == StayChange.State.SOLD_OUT) {
                throw new PreconditionFailed("sold out: the new stay could no longer be had once the difference was"
                        + " charged; the stay is unchanged and the " + change.differenceMinor() + " "
                        + change.currency() + " (minor units) charged are refunded");
            }
            return reservations.find(pool, change.reservationId()).map(r -> new Outcome(
                    r.orElseThrow(() -> NotFound.reservation(change.reservationId())), change));
        });
    }

    private static boolean holds(StayTerms stay, long roomTypeId, LocalDate night) {
        return stay.roomTypeId() == roomTypeId && !night.isBefore(stay.startDate()) && night.isBefore(stay.endDate());
    }

    private static Map<LocalDate, InventoryNight> byDate(List<InventoryNight> nights) {
        Map<LocalDate, InventoryNight> byDate = new HashMap<>();
        nights.forEach(n -> byDate.put(n.date(), n));
        return byDate;
    }

    /** The rows a swap touched, each as last written (a night both released and taken: as taken). */
    private static List<InventoryNight> merge(List<InventoryNight> released, List<InventoryNight> taken) {
        Map<String, InventoryNight> last = new LinkedHashMap<>();
        released.forEach(n -> last.put(n.roomTypeId() + "/" + n.date(), n));
        taken.forEach(n -> last.put(n.roomTypeId() + "/" + n.date(), n));
        return new ArrayList<>(last.values());
    }
}
