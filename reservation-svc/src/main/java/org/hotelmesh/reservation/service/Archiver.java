package org.hotelmesh.reservation.service;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.hotelmesh.reservation.config.ArchiveConfig;
import org.hotelmesh.reservation.repository.ArchiveRepository;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Keeps the hot tables to what is still worked on (docs/architecture.md#archival): final stays that departed more than
 * {@code hotelmesh.archive.after-days} ago, and inventory of nights that have passed in every hotel's calendar, move
 * to the archive schema batch by batch. Each batch is one transaction, so a run stopped anywhere (a crash, a deploy)
 * has moved whole batches and the next run simply continues; replicas running at once lock different rows. Archived
 * reservations are still read by id and in guests' and hotels' lists (the *_all views).
 */
@ApplicationScoped
public class Archiver {

    private static final Logger LOG = Logger.getLogger(Archiver.class);

    /** What one run moved. */
    public record Moved(int stays, int nights) {
    }

    private final Pool pool;
    private final ArchiveRepository archive;
    private final Clock clock;
    private final ArchiveConfig config;

    public Archiver(Pool pool, ArchiveRepository archive, Clock clock, ArchiveConfig config) {
        this.pool = pool;
        this.archive = archive;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${hotelmesh.archive.every:1H}", delayed = "${hotelmesh.archive.every:1H}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Disabled.class)
    Uni<Void> archiveScheduled() {
        return run().invoke(moved -> {
            if (moved.stays() > 0 || moved.nights() > 0) {
                LOG.infof("archived %d stay(s) and %d inventory night(s)", moved.stays(), moved.nights());
            }
        }).replaceWithVoid();
    }

    /** Moves everything due now. */
    public Uni<Moved> run() {
        // Dates by the earliest calendar on Earth: a stay departed (a night passed) before it has done so everywhere.
        LocalDate today = SalesCalendar.earliestToday(clock);
        LocalDate staysBefore = today.minusDays(config.afterDays());
        return drain(tx -> archive.lockEndedStays(tx, staysBefore, config.batchSize())
                        .flatMap(ids -> ids.isEmpty() ? Uni.createFrom().item(0) : archive.moveStays(tx, ids)), 0)
                .flatMap(stays -> drain(tx -> archive.movePastNights(tx, today, config.batchSize()), 0)
                        .map(nights -> new Moved(stays, nights)));
    }

    /** Runs {@code batch} in a transaction of its own until one moves less than a full batch. */
    private Uni<Integer> drain(Function<SqlConnection, Uni<Integer>> batch, int movedSoFar) {
        return pool.withTransaction(batch).flatMap(moved -> moved < config.batchSize()
                ? Uni.createFrom().item(movedSoFar + moved)
                : drain(batch, movedSoFar + moved));
    }

    /** The scheduler's switch: hotelmesh.archive.enabled=false leaves archiving to other replicas (or to nobody). */
    @ApplicationScoped
    public static class Disabled implements Scheduled.SkipPredicate {

        private final ArchiveConfig config;

        public Disabled(ArchiveConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(io.quarkus.scheduler.ScheduledExecution execution) {
            return !config.enabled();
        }
    }
}
