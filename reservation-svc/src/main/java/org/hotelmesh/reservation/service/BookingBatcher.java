package org.hotelmesh.reservation.service;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.cache.AvailabilityCache;
import org.hotelmesh.reservation.config.BookingConfig;
import org.hotelmesh.reservation.domain.BookingRequest;
import org.hotelmesh.reservation.service.BookingEngine.Decision;
import org.hotelmesh.reservation.service.BookingEngine.Outcome;
import org.hotelmesh.support.error.Overloaded;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

/**
 * Coalesces concurrent bookings of one room type. Hundreds of clients racing for one night would otherwise each read
 * the same version and all but one would lose and retry (the weakness of optimistic locking under contention that
 * the source documents point out). Instead, per (hotel, room type) one batch is in flight at a time: requests that
 * arrive meanwhile queue up, and the next batch takes up to {@code hotelmesh.booking.batch-size} of them into one
 * transaction ({@link BookingEngine}). In one process there is then no conflict on a hot night at all; across
 * replicas the engine's version check and retries still decide.
 *
 * <p>No thread ever waits: callers get a Uni completed by the batch; the lane state is guarded by a short
 * {@code synchronized} section that is never held across I/O. A lane's queue is bounded
 * ({@code hotelmesh.booking.max-queued}): one more booking is told to slow down at once ({@link Overloaded}), and a
 * waiting booking whose caller has gone (its call cancelled) is dropped before its batch, not decided for nobody.
 */
@ApplicationScoped
public class BookingBatcher {

    private static final Logger LOG = Logger.getLogger(BookingBatcher.class);
    /** When a turned-away booking should come back: about the time a few batches take under load. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private record Lane(long hotelId, long roomTypeId) {
    }

    /** {@code gone}: the caller cancelled (its call was cancelled or timed out) before an answer. */
    private record Waiter(BookingRequest request, String hash, UniEmitter<? super Outcome> emitter,
            AtomicBoolean gone) {
    }

    private static final class Queue {
        final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
    }

    private final BookingEngine engine;
    private final AvailabilityCache cache;
    private final int batchSize;
    private final int maxQueued;
    private final Counter turnedAway;
    private final DistributionSummary batchSizes;
    private final Timer batchDurations;
    /** Lanes with a batch in flight; guarded by {@code this}. A lane without one has no entry. */
    private final Map<Lane, Queue> busy = new HashMap<>();

    public BookingBatcher(BookingEngine engine, AvailabilityCache cache, BookingConfig config, MeterRegistry meters) {
        this.engine = engine;
        this.cache = cache;
        this.batchSize = Math.max(1, config.batchSize());
        this.maxQueued = Math.max(0, config.maxQueued());
        this.turnedAway = Counter.builder("hotelmesh.booking.overloaded")
                .description("bookings answered RESOURCE_EXHAUSTED because their room type's queue was full")
                .register(meters);
        // How well coalescing works under load: bookings per transaction and the time one batch holds its lane.
        this.batchSizes = DistributionSummary.builder("hotelmesh.booking.batch.size")
                .description("distinct bookings decided in one transaction").register(meters);
        this.batchDurations = Timer.builder("hotelmesh.booking.batch.duration")
                .description("from taking a batch to answering its callers (transaction, retries, cache write)")
                .publishPercentiles(0.5, 0.95, 0.99).register(meters);
        Gauge.builder("hotelmesh.booking.version.conflicts", engine, BookingEngine::conflicts)
                .description("optimistic-locking conflicts that cost a rollback and a retry").register(meters);
    }

    /** Books (or replays) the request: the reservation and whether this booking created it; fails with a domain error. */
    public Uni<Outcome> submit(BookingRequest request) {
        String hash = request.requestHash();
        return Uni.createFrom().emitter(emitter -> {
            AtomicBoolean gone = new AtomicBoolean();
            emitter.onTermination(() -> gone.set(true)); // also on our own answer, by then it has left the queue
            enqueue(new Waiter(request, hash, emitter, gone));
        });
    }

    private void enqueue(Waiter waiter) {
        Lane lane = new Lane(waiter.request().hotelId(), waiter.request().roomTypeId());
        List<Waiter> batch;
        synchronized (this) {
            Queue queue = busy.get(lane);
            if (queue != null) {
                if (queue.waiting.size() < maxQueued) {
                    queue.waiting.add(waiter);
                    return;
                }
                batch = null;
            } else {
                queue = new Queue();
                queue.waiting.add(waiter);
                batch = drain(queue);
                if (batch.isEmpty()) {
                    return; // its caller had gone already
                }
                busy.put(lane, queue);
            }
        }
        if (batch == null) {
            turnedAway.increment();
            waiter.emitter().fail(new Overloaded("too many bookings of this room type are waiting to be decided;"
                    + " retry in a second", RETRY_AFTER));
            return;
        }
        run(lane, batch);
    }

    /**
     * Takes up to batchSize distinct reservation ids in arrival order. A duplicate of an id already taken joins it
     * when its payload is the same (it will get the same answer); with a different payload it waits for a later
     * batch, which then finds the stored reservation and answers ALREADY_EXISTS.
     */
    private List<Waiter> drain(Queue queue) {
        List<Waiter> batch = new ArrayList<>();
        Map<String, String> hashes = new HashMap<>();
        Iterator<Waiter> it = queue.waiting.iterator();
        while (it.hasNext()) {
            Waiter w = it.next();
            if (w.gone().get()) {
                it.remove(); // its caller has gone: nobody would hear the answer, and a retry brings the request again
                continue;
            }
            String taken = hashes.get(w.request().reservationId());
            if (taken == null) {
                if (hashes.size() == batchSize) {
                    continue; // full for new ids; duplicates further back may still join
                }
                hashes.put(w.request().reservationId(), w.hash());
            } else if (!taken.equals(w.hash())) {
                continue;
            }
            batch.add(w);
            it.remove();
        }
        return batch;
    }

    private void run(Lane lane, List<Waiter> batch) {
        Map<String, BookingRequest> distinct = new LinkedHashMap<>();
        batch.forEach(w -> distinct.putIfAbsent(w.request().reservationId(), w.request()));
        List<BookingRequest> requests = List.copyOf(distinct.values());
        batchSizes.record(requests.size());
        long started = System.nanoTime();
        Uni.createFrom().deferred(() -> engine.decide(lane.hotelId(), lane.roomTypeId(), requests))
                // after the commit, and before anyone hears back, so a client that just booked sees it in the cache
                .call(decision -> cache.put(lane.hotelId(), decision.touched()))
                .subscribe().with(
                        decision -> {
                            try {
                                batchDurations.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                                complete(batch, requests, decision);
                            } finally {
                                next(lane); // whatever happened, the lane must not stay blocked
                            }
                        },
                        failure -> {
                            try {
                                LOG.debugf("booking batch of %d failed: %s", requests.size(), failure.toString());
                                batch.forEach(w -> w.emitter().fail(failure));
                            } finally {
                                next(lane);
                            }
                        });
    }

    private static void complete(List<Waiter> batch, List<BookingRequest> requests, Decision decision) {
        Map<String, Outcome> byId = new HashMap<>();
        for (int i = 0; i < requests.size(); i++) {
            byId.put(requests.get(i).reservationId(), decision.outcomes().get(i));
        }
        for (Waiter w : batch) {
            Outcome outcome = byId.get(w.request().reservationId());
            if (outcome.failure() != null) {
                w.emitter().fail(outcome.failure());
            } else {
                w.emitter().complete(outcome);
            }
        }
    }

    private void next(Lane lane) {
        List<Waiter> batch;
        synchronized (this) {
            Queue queue = busy.get(lane);
            batch = drain(queue);
            if (batch.isEmpty()) {
                busy.remove(lane);
                return;
            }
        }
        run(lane, batch);
    }
}
