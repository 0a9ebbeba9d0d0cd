package org.hotelmesh.hotel.outbox;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.hotelmesh.hotel.client.ReservationClient;
import org.hotelmesh.hotel.config.CapacitySyncConfig;
import org.hotelmesh.hotel.domain.RoomTypeCapacity;
import org.hotelmesh.hotel.repository.CapacityOutboxRepository;
import org.hotelmesh.support.ThrottledWarning;
import org.jboss.logging.Logger;

import io.grpc.Context;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Delivers the capacity outbox to reservation-svc (SetRoomTypeCapacity).
 * <p>
 * After each committed catalog write the service kicks a delivery of that hotel's rows, so reservation-svc usually
 * follows within one round trip; the scheduled sweep delivers whatever a kick could not (reservation-svc down, a
 * crash between commit and kick, another replica's rows). A row is removed only if it still holds the delivered
 * version, so a count queued during the call is delivered next.
 * <p>
 * Several replicas (or a kick and a sweep) may deliver the same row at the same time. That is harmless: the call is
 * idempotent and reservation-svc ignores reports older than the last catalog version it applied, so duplicates and
 * reorderings converge to the newest count. No lock is needed.
 */
@ApplicationScoped
public class CapacityPublisher {

    private static final Logger LOG = Logger.getLogger(CapacityPublisher.class);
    private static final ThrottledWarning OUTAGE = new ThrottledWarning(LOG, Duration.ofMinutes(1));
    private static final int SWEEP_CONCURRENCY = 4;
    private static final int MAX_ERROR_LENGTH = 1000;

    private final CapacityOutboxRepository outbox;
    private final ReservationClient reservationSvc;
    private final CapacitySyncConfig config;
    /** Hotels with a kicked delivery running on this replica; TRUE when another kick came meanwhile (run again). */
    private final ConcurrentHashMap<Long, Boolean> running = new ConcurrentHashMap<>();

    public CapacityPublisher(CapacityOutboxRepository outbox, ReservationClient reservationSvc,
            CapacitySyncConfig config) {
        this.outbox = outbox;
        this.reservationSvc = reservationSvc;
        this.config = config;
    }

    /**
     * Starts delivering the hotel's pending rows and returns at once; never fails. Call after the write committed.
     * Kicks for a hotel whose delivery is running are coalesced into one more run, which reads the newest rows.
     */
    public void kick(long hotelId) {
        if (!config.enabled()) {
            return;
        }
        if (running.compute(hotelId, (id, again) -> again == null ? Boolean.FALSE : Boolean.TRUE) == Boolean.FALSE) {
            deliverHotel(hotelId);
        }
    }

    /**
     * Delivers every pending row, oldest first, one batch after another while batches come back full and fully
     * delivered (failed rows stay for the next sweep). Returns the number of rows delivered.
     */
    public Uni<Integer> sweep() {
        if (!config.enabled()) {
            return Uni.createFrom().item(0);
        }
        return sweepFrom(0);
    }

    /**
     * Queues every room type's current count, so that a lost outbox or a new reservation database converges.
     * Returns the number of rows queued; delivery is left to the kick or sweep that follows.
     */
    public Uni<Integer> reconcile() {
        return outbox.enqueueAll();
    }

    @Scheduled(identity = "capacity-sync-sweep", every = "${hotelmesh.capacity-sync.interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledSweep() {
        return sweep().replaceWithVoid();
    }

    void reconcileOnStart(@Observes StartupEvent event) {
        if (!config.enabled() || !config.reconcileOnStart()) {
            return;
        }
        // Not awaited: start-up must not wait for (or fail because of) reservation-svc.
        reconcile().invoke(queued -> LOG.infof("capacity sync: queued the counts of %d room types", queued))
                .chain(this::sweep)
                .subscribe().with(
                        delivered -> LOG.infof("capacity sync: delivered %d capacity reports at start", delivered),
                        failure -> warn("reconciling capacities at start", failure));
    }

    private Uni<Integer> sweepFrom(int deliveredSoFar) {
        int batchSize = config.batchSize();
        return outbox.oldestPending(batchSize).chain(rows -> deliverAll(rows, SWEEP_CONCURRENCY)
                .chain(delivered -> {
                    int total = deliveredSoFar + delivered;
                    return rows.size() == batchSize && delivered == rows.size()
                            ? sweepFrom(total)
                            : Uni.createFrom().item(total);
                }));
    }

    private void deliverHotel(long hotelId) {
        // Detached from the request's gRPC context, whose cancellation once the answer is sent must not cancel this.
        Context.ROOT.run(() -> Uni.createFrom().deferred(() -> outbox.pendingOfHotel(hotelId, config.batchSize()))
                .chain(rows -> deliverAll(rows, 1))
                .subscribe().with(delivered -> deliveredHotel(hotelId), failure -> {
                    warn("reading the capacity outbox of hotel " + hotelId, failure);
                    deliveredHotel(hotelId);
                }));
    }

    private void deliveredHotel(long hotelId) {
        if (running.compute(hotelId, (id, again) -> Boolean.TRUE.equals(again) ? Boolean.FALSE : null) != null) {
            deliverHotel(hotelId);
        }
    }

    /** Delivers the rows, at most {@code concurrency} at a time; returns how many were delivered. */
    private Uni<Integer> deliverAll(List<RoomTypeCapacity> rows, int concurrency) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Multi.createFrom().iterable(rows)
                .onItem().transformToUni(this::deliver).merge(concurrency)
                .filter(Boolean::booleanValue)
                .collect().asList()
                .map(List::size);
    }

    /** True when reservation-svc accepted the report; a failure is recorded on the row and never propagated. */
    private Uni<Boolean> deliver(RoomTypeCapacity row) {
        return Uni.createFrom().deferred(() -> reservationSvc.setRoomTypeCapacity(row))
                .chain(() -> outbox.deleteDelivered(row))
                .replaceWith(Boolean.TRUE)
                .onFailure().recoverWithUni(failure -> {
                    warn("delivering the capacity of room type " + row.roomTypeId() + " of hotel " + row.hotelId(),
                            failure);
                    return outbox.recordFailure(row.roomTypeId(), describe(failure))
                            .replaceWith(Boolean.FALSE)
                            .onFailure().recoverWithUni(e -> {
                                warn("recording a failed capacity delivery", e);
                                return Uni.createFrom().item(Boolean.FALSE);
                            });
                });
    }

    private static String describe(Throwable failure) {
        String text = failure.toString();
        return text.length() <= MAX_ERROR_LENGTH ? text : text.substring(0, MAX_ERROR_LENGTH);
    }

    private static void warn(String what, Throwable e) {
        OUTAGE.warn("capacity sync failed while " + what + "; pending rows stay queued for the next sweep", e);
    }
}
