package org.hotelmesh.reservation.service;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.config.BookingConfig;
import org.hotelmesh.reservation.config.CancellationConfig;
import org.hotelmesh.reservation.config.SagaConfig;
import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.domain.CancellationPolicy;
import org.hotelmesh.reservation.domain.GuestLedger;
import org.hotelmesh.reservation.domain.InventoryBusy;
import org.hotelmesh.reservation.domain.InventoryNight;
import org.hotelmesh.reservation.domain.NoInventory;
import org.hotelmesh.reservation.domain.PaymentInfo;
import org.hotelmesh.reservation.domain.PaymentState;
import org.hotelmesh.reservation.domain.RefundState;
import org.hotelmesh.reservation.domain.Reservation.StatusChange;
import org.hotelmesh.reservation.domain.Reservation;
import org.hotelmesh.reservation.domain.ReservationConflict;
import org.hotelmesh.reservation.domain.ReservationStatus;
import org.hotelmesh.reservation.domain.SoldOut;
import org.hotelmesh.reservation.repository.CancellationPolicyRepository;
import org.hotelmesh.reservation.repository.Contention;
import org.hotelmesh.reservation.repository.InventoryRepository;
import org.hotelmesh.reservation.repository.ReservationRepository.Inserted;
import org.hotelmesh.reservation.repository.ReservationRepository;
import org.hotelmesh.reservation.repository.SqlStates;
import org.hotelmesh.support.error.ServiceException;
import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Decides a batch of bookings of one room type in one transaction, under optimistic locking:
 * <ol>
 * <li>ids that already exist are answered from the stored row (same payload: the original; else a conflict);</li>
 * <li>the inventory rows of every night involved are read once (no locks), and the bookings are accepted in
 * arrival order while every night of the stay has room (limit = floor(total_inventory x ratio)); the rest get
 * {@link SoldOut} naming their first full night, without any retry;</li>
 * <li>one UPDATE writes the new totals of all touched nights, each guarded by the version that was read, and one
 * INSERT each writes the accepted reservations and their history.</li>
 * </ol>
 * If a concurrent writer moved a version (or inserted one of the ids), the transaction rolls back and the whole
 * batch is decided again after a jittered exponential back-off, at most {@code hotelmesh.booking.max-attempts}
 * times; callers never see the conflict itself.
 */
@ApplicationScoped
public class BookingEngine {

    private static final Logger LOG = Logger.getLogger(BookingEngine.class);

    /** What one booking of a batch came to: a reservation (new or the original of a replay) or a domain error. */
    public record Outcome(Reservation reservation, ServiceException failure, boolean created) {
    }

    /** The outcomes, aligned with the requests, and the inventory rows as committed (for the cache). */
    public record Decision(List<Outcome> outcomes, List<InventoryNight> touched) {
    }

    private final Pool pool;
    private final InventoryRepository inventory;
    private final ReservationRepository reservations;
    private final BookingConfig config;
    private final SagaConfig saga;
    private final CancellationConfig cancellation;
    private final AtomicLong conflicts = new AtomicLong();

    private final GuestLimits guestLimits;
    private final CancellationPolicyRepository policies;

    public BookingEngine(Pool pool, InventoryRepository inventory, ReservationRepository reservations,
            BookingConfig config, SagaConfig saga, CancellationConfig cancellation, GuestLimits guestLimits,
            CancellationPolicyRepository policies) {
        this.guestLimits = guestLimits;
        this.policies = policies;
        this.pool = pool;
        this.inventory = inventory;
        this.reservations = reservations;
        this.config = config;
        this.saga = saga;
        this.cancellation = cancellation;
    }

    /**
     * Decides the bookings (all of {@code hotelId}/{@code roomTypeId}, distinct reservation ids, in arrival order).
     */
    public Uni<Decision> decide(long hotelId, long roomTypeId, List<BookingRequest> requests) {
        return attempt(hotelId, roomTypeId, requests, 1);
    }

    /** Version conflicts seen since start (each one cost a rollback and a retry). */
    public long conflicts() {
        return conflicts.get();
    }

    private Uni<Decision> attempt(long hotelId, long roomTypeId, List<BookingRequest> requests, int attempt) {
        return pool.withTransaction(conn -> decideOnce(conn, hotelId, roomTypeId, requests))
                .onFailure(failure -> SqlStates.is(failure, SqlStates.UNIQUE_VIOLATION))
                .transform(failure -> new Contention("a reservation id of the batch was inserted concurrently"))
                .onFailure(Contention.class).recoverWithUni(conflict -> {
                    conflicts.incrementAndGet();
                    if (attempt >= config.maxAttempts()) {
                        LOG.warnf("booking batch of %d for hotel %d room type %d gave up after %d attempts: %s",
                                requests.size(), hotelId, roomTypeId, attempt, conflict.getMessage());
                        return Uni.createFrom().failure(new InventoryBusy(attempt));
                    }
                    return Uni.createFrom().voidItem().onItem().delayIt().by(backoff(attempt))
                            .flatMap(ignored -> attempt(hotelId, roomTypeId, requests, attempt + 1));
                });
    }

    /** Exponential from backoff-min, capped at backoff-max, with "equal jitter" (half fixed, half random). */
    Duration backoff(int attempt) {
        long min = Math.max(1, config.backoffMin().toNanos());
        long max = Math.max(min, config.backoffMax().toNanos());
        long base = Math.min(max, min << Math.min(attempt - 1, 20));
        return Duration.ofNanos(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    private Uni<Decision> decideOnce(SqlConnection conn, long hotelId, long roomTypeId,
            List<BookingRequest> requests) {
        List<String> ids = requests.stream().map(BookingRequest::reservationId).toList();
        // Both reads go out together on the transaction's connection (the client pipelines them): one round trip.
        // The nights of every request are read, replays included; a replay's nights are simply not touched.
        LocalDate from = requests.stream().map(BookingRequest::startDate).min(LocalDate::compareTo).get();
        LocalDate to = requests.stream().map(BookingRequest::endDate).max(LocalDate::compareTo).get();
        return Uni.combine().all()
                .unis(reservations.findWithHistory(conn, ids), inventory.nights(conn, hotelId, roomTypeId, from, to),
                        policies.find(conn, hotelId))
                .asTuple()
                .flatMap(read -> {
                    Map<String, Reservation> existing = read.getItem1();
                    Outcome[] outcomes = new Outcome[requests.size()];
                    List<Integer> fresh = new ArrayList<>();
                    for (int i = 0; i < requests.size(); i++) {
                        BookingRequest request = requests.get(i);
                        Reservation stored = existing.get(request.reservationId());
                        if (stored == null) {
                            fresh.add(i);
                        } else {
                            outcomes[i] = replay(request, stored);
                        }
                    }
                    if (fresh.isEmpty()) {
                        return Uni.createFrom().item(new Decision(List.of(outcomes), List.of()));
                    }
                    List<String> limitedGuests = fresh.stream().map(requests::get)
                            .filter(BookingRequest::guestLimited).map(BookingRequest::guestId).toList();
                    GuestLedger ledger = new GuestLedger();
                    Uni<Void> guestsRead = limitedGuests.isEmpty() ? Uni.createFrom().voidItem()
                            : reservations.lockAndReadHoldings(conn, limitedGuests, hotelId, from, to, ledger);
                    CancellationPolicy policy = read.getItem3().orElse(cancellation.policy());
                    return guestsRead.chain(() -> allocate(conn, hotelId, roomTypeId, requests, fresh, outcomes,
                            read.getItem2(), ledger, policy));
                });
    }

    private Uni<Decision> allocate(SqlConnection conn, long hotelId, long roomTypeId, List<BookingRequest> requests,
            List<Integer> fresh, Outcome[] outcomes, List<InventoryNight> nights, GuestLedger ledger,
            CancellationPolicy policy) {
        Map<LocalDate, InventoryNight> byDate = new HashMap<>();
        nights.forEach(n -> byDate.put(n.date(), n));
        Map<LocalDate, Integer> reserved = new TreeMap<>(); // working totals of the nights this batch touches
        List<Integer> accepted = new ArrayList<>();
        for (int i : fresh) {
            BookingRequest request = requests.get(i);
            ServiceException refusal = request.guestLimited() ? guestLimits.refusal(request, ledger.of(request)) : null;
            for (LocalDate date : refusal != null ? List.<LocalDate>of() : request.nightDates()) {
                InventoryNight night = byDate.get(date);
                if (night == null) {
                    refusal = new NoInventory(hotelId, roomTypeId, date);
                    break;
                }
                int current = reserved.getOrDefault(date, night.totalReserved());
                if (current + request.rooms() > night.sellableLimit()) {
                    refusal = new SoldOut(date);
                    break;
                }
            }
            if (refusal != null) {
                outcomes[i] = new Outcome(null, refusal, false);
                continue;
            }
            for (LocalDate date : request.nightDates()) {
                reserved.put(date, reserved.getOrDefault(date, byDate.get(date).totalReserved()) + request.rooms());
            }
            if (request.guestLimited()) {
                ledger.accepted(request);
            }
            accepted.add(i);
        }
        if (accepted.isEmpty()) {
            return Uni.createFrom().item(new Decision(List.of(outcomes), List.of()));
        }
        int n = reserved.size();
        LocalDate[] dates = new LocalDate[n];
        Long[] versions = new Long[n];
        Integer[] totals = new Integer[n];
        int k = 0;
        for (Map.Entry<LocalDate, Integer> e : reserved.entrySet()) {
            InventoryNight night = byDate.get(e.getKey());
            dates[k] = e.getKey();
            versions[k] = night.version();
            totals[k] = e.getValue();
            k++;
        }
        List<BookingRequest> toInsert = accepted.stream().map(requests::get).toList();
        // The versioned UPDATE and the INSERT go out together (pipelined). If any night changed since it was read,
        // the Contention thrown below rolls the whole transaction back, the inserted reservations with it.
        return Uni.combine().all()
                .unis(inventory.setReservedIfUnchanged(conn, hotelId, roomTypeId, dates, versions, totals),
                        reservations.insertPending(conn, toInsert, saga.holdTtl(), policy))
                .asTuple()
                .map(written -> {
                    if (written.getItem1().size() != n) {
                        throw new Contention((n - written.getItem1().size()) + " of " + n + " nights changed since read");
                    }
                    for (int i : accepted) {
                        BookingRequest r = requests.get(i);
                        Inserted stored = written.getItem2().get(r.reservationId());
                        Instant createdAt = stored.createdAt();
                        PaymentInfo payment = new PaymentInfo(PaymentState.CHARGING, null, null, RefundState.NONE,
                                null, null, stored.holdExpiresAt());
                        Reservation created = new Reservation(r.reservationId(), r.hotelId(), r.roomTypeId(),
                                r.startDate(), r.endDate(), r.rooms(), r.guestId(), ReservationStatus.PENDING,
                                r.requestHash(), r.quoteId(), r.price(), payment, stored.policy(), createdAt,
                                List.of(new StatusChange(ReservationStatus.PENDING, createdAt, r.bookedBy())),
                                r.bookedBy(), r.guestName(), null, List.of(), List.of());
                        outcomes[i] = new Outcome(created, null, true);
                    }
                    return new Decision(List.of(outcomes), written.getItem1());
                });
    }

    /** The answer to a request whose reservation id is already stored: the original, or a conflict. */
    static Outcome replay(BookingRequest request, Reservation stored) {
        if (request.requestHash().equals(stored.requestHash())) {
            return new Outcome(stored, null, false);
        }
        List<String> differing = request.differingFields(stored);
        if (differing.isEmpty()) {
            // same fields, different fingerprint: only possible if the hash definition changed; the fields decide
            return new Outcome(stored, null, false);
        }
        return new Outcome(null, new ReservationConflict(request.reservationId(), differing), false);
    }
}
