package org.hotelmesh.bench;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import org.hotelmesh.proto.reservation.v1.InventoryServiceGrpc;
import org.hotelmesh.proto.reservation.v1.InventoryServiceGrpc.InventoryServiceBlockingStub;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc.ReservationServiceBlockingStub;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** Closed-loop load: each client is a thread with blocking stubs that sends its next call when the last answered. */
final class Load {

    private Load() {
    }

    /** One call; true = success ("ok"), false = a sold-out answer ("sold_out"); a gRPC error counts by its code. */
    @FunctionalInterface
    interface Op {
        boolean call(ReservationServiceBlockingStub reservations, InventoryServiceBlockingStub inventory,
                     ThreadLocalRandom random);
    }

    record Result(int clients, long ops, long elapsedNanos, long[] latenciesNanos, Map<String, Long> outcomes) {
        double rate() {
            return ops / (elapsedNanos / 1e9);
        }

        double percentile(double p) {
            if (latenciesNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.ceil(p / 100.0 * latenciesNanos.length) - 1;
            return latenciesNanos[Math.max(0, Math.min(index, latenciesNanos.length - 1))] / 1e6;
        }

        long count(String outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }

        String summary() {
            return outcomes.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
        }
    }

    private enum Mode { TIMED, UNTIL_SOLD_OUT, ONCE }

    static Result run(String name, List<ManagedChannel> channels, int clients, Duration duration, Op op)
            throws InterruptedException {
        return drive(channels, clients, duration, op, Mode.TIMED);
    }

    /** Every client calls until it is answered sold out (or the time limit passes). */
    static Result untilDone(String name, List<ManagedChannel> channels, int clients, Duration limit, Op op)
            throws InterruptedException {
        return drive(channels, clients, limit, op, Mode.UNTIL_SOLD_OUT);
    }

    /** Every client calls exactly once, all released at the same moment. */
    static Result once(String name, List<ManagedChannel> channels, int clients, Op op) throws InterruptedException {
        return drive(channels, clients, Duration.ofMinutes(2), op, Mode.ONCE);
    }

    private static Result drive(List<ManagedChannel> channels, int clients, Duration limit, Op op, Mode mode)
            throws InterruptedException {
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        @SuppressWarnings("unchecked")
        Map<String, Long>[] outcomes = new Map[clients];
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        Thread[] threads = new Thread[clients];
        long[] startedAt = new long[1];
        for (int c = 0; c < clients; c++) {
            int client = c;
            ManagedChannel channel = channels.get(c % channels.size());
            threads[c] = new Thread(() -> {
                ReservationServiceBlockingStub reservations = ReservationServiceGrpc.newBlockingStub(channel);
                InventoryServiceBlockingStub inventory = InventoryServiceGrpc.newBlockingStub(channel);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long[] mine = new long[1024];
                int n = 0;
                Map<String, Long> seen = new TreeMap<>();
                ready.countDown();
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                long deadline = startedAt[0] + limit.toNanos();
                do {
                    long t0 = System.nanoTime();
                    String outcome;
                    boolean goOn;
                    try {
                        goOn = op.call(reservations, inventory, random);
                        outcome = goOn ? "ok" : "sold_out";
                    } catch (StatusRuntimeException e) {
                        goOn = true;
                        outcome = e.getStatus().getCode().name().toLowerCase();
                    }
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = System.nanoTime() - t0;
                    seen.merge(outcome, 1L, Long::sum);
                    if (mode == Mode.ONCE || (mode == Mode.UNTIL_SOLD_OUT && !goOn)) {
                        break;
                    }
                } while (System.nanoTime() < deadline);
                latencies[client] = mine;
                counts[client] = n;
                outcomes[client] = seen;
            }, "load-" + c);
            threads[c].start();
        }
        ready.await();
        startedAt[0] = System.nanoTime();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long elapsed = System.nanoTime() - startedAt[0];
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        Map<String, Long> merged = new TreeMap<>();
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
            outcomes[c].forEach((k, v) -> merged.merge(k, v, Long::sum));
        }
        Arrays.sort(all);
        return new Result(clients, total, elapsed, all, merged);
    }
}
