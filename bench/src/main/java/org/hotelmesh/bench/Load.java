package org.hotelmesh.bench;

import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import org.hotelmesh.proto.reservation.v1.InventoryServiceGrpc;
import org.hotelmesh.proto.reservation.v1.InventoryServiceGrpc.InventoryServiceBlockingStub;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc;
import org.hotelmesh.proto.reservation.v1.ReservationServiceGrpc.ReservationServiceBlockingStub;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Closed-loop load: each client is a thread that sends its next call when the last answered, over gRPC (blocking
 * stubs) or HTTP (the JDK client, HTTP/1.1 keep-alive). One loop times the calls and counts their outcomes either way:
 * "ok", "sold_out", else the gRPC status code in lower case, or the class of the HTTP answer ({@link #outcome}).
 */
final class Load {

    static final String OK = "ok";
    static final String SOLD_OUT = "sold_out";
    /** HTTP 202: booked and the rooms held, the payment's outcome not known yet (over gRPC such a booking is "ok"). */
    static final String PENDING = "pending";
    /** Turned away by admission control: gRPC RESOURCE_EXHAUSTED, HTTP 429. */
    static final String RESOURCE_EXHAUSTED = "resource_exhausted";

    private Load() {
    }

    /** One gRPC call; true = success ("ok"), false = a sold-out answer ("sold_out"); a gRPC error counts by its code. */
    @FunctionalInterface
    interface Op {
        boolean call(ReservationServiceBlockingStub reservations, InventoryServiceBlockingStub inventory,
                     ThreadLocalRandom random);
    }

    /**
     * One gRPC call on a stub of any service, made once per client from the client's channel: answers its outcome
     * ("ok" or another word); a gRPC error counts by its code.
     */
    @FunctionalInterface
    interface StubOp<S> {
        String call(S stub, ThreadLocalRandom random);
    }

    /** One HTTP call: the request client number {@code client} sends next; the answer counts by {@link #outcome}. */
    @FunctionalInterface
    interface HttpOp {
        HttpRequest request(int client, ThreadLocalRandom random);
    }

    /** A client as its thread drives it: each call answers its outcome. */
    @FunctionalInterface
    private interface Client {
        String call(ThreadLocalRandom random) throws InterruptedException;
    }

    /** Makes client number c, on that client's own thread. */
    @FunctionalInterface
    private interface Clients {
        Client make(int client);
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
        return drive(grpc(channels, op), clients, duration, Mode.TIMED);
    }

    /** Client c calls through {@code stubs} made from channel c mod n, for the duration. */
    static <S> Result run(String name, List<ManagedChannel> channels, Function<ManagedChannel, S> stubs, int clients,
                          Duration duration, StubOp<S> op) throws InterruptedException {
        return drive(stubs(channels, stubs, op), clients, duration, Mode.TIMED);
    }

    static Result run(String name, List<HttpClient> http, int clients, Duration duration, HttpOp op)
            throws InterruptedException {
        return drive(http(http, op), clients, duration, Mode.TIMED);
    }

    /** Every client calls until it is answered sold out (or the time limit passes). */
    static Result untilDone(String name, List<ManagedChannel> channels, int clients, Duration limit, Op op)
            throws InterruptedException {
        return drive(grpc(channels, op), clients, limit, Mode.UNTIL_SOLD_OUT);
    }

    /** Every client calls exactly once, all released at the same moment. */
    static Result once(String name, List<ManagedChannel> channels, int clients, Op op) throws InterruptedException {
        return drive(grpc(channels, op), clients, Duration.ofMinutes(2), Mode.ONCE);
    }

    /** Every client calls exactly once, all released at the same moment. */
    static Result once(String name, List<HttpClient> http, int clients, HttpOp op) throws InterruptedException {
        return drive(http(http, op), clients, Duration.ofMinutes(2), Mode.ONCE);
    }

    /** Client c: blocking stubs on channel c mod n; a gRPC error answers its status code. */
    private static Clients grpc(List<ManagedChannel> channels, Op op) {
        return client -> {
            ManagedChannel channel = channels.get(client % channels.size());
            ReservationServiceBlockingStub reservations = ReservationServiceGrpc.newBlockingStub(channel);
            InventoryServiceBlockingStub inventory = InventoryServiceGrpc.newBlockingStub(channel);
            return random -> {
                try {
                    return op.call(reservations, inventory, random) ? OK : SOLD_OUT;
                } catch (StatusRuntimeException e) {
                    return e.getStatus().getCode().name().toLowerCase(Locale.ROOT);
                }
            };
        };
    }

    /** Client c: a stub of its own on channel c mod n; a gRPC error answers its status code. */
    private static <S> Clients stubs(List<ManagedChannel> channels, Function<ManagedChannel, S> make, StubOp<S> op) {
        return client -> {
            S stub = make.apply(channels.get(client % channels.size()));
            return random -> {
                try {
                    return op.call(stub, random);
                } catch (StatusRuntimeException e) {
                    return e.getStatus().getCode().name().toLowerCase(Locale.ROOT);
                }
            };
        };
    }

    /** Client c: HTTP client c mod n (each keeps a pool of HTTP/1.1 keep-alive connections). */
    private static Clients http(List<HttpClient> http, HttpOp op) {
        return client -> {
            HttpClient connection = http.get(client % http.size());
            return random -> {
                try {
                    return outcome(connection.send(op.request(client, random), HttpResponse.BodyHandlers.ofString()));
                } catch (HttpTimeoutException e) {
                    return "client_timeout";
                } catch (IOException e) {
                    return "io_error";
                }
            };
        };
    }

    /**
     * An HTTP answer in the classes of the gRPC side (see docs/api.md's status table): 200 and 201 "ok", 202
     * "pending", a 409 problem saying sold out "sold_out", 429 "resource_exhausted", 503 "unavailable", 504
     * "deadline_exceeded", anything else "http_" and its status (another 409, such as a busy inventory, included).
     */
    static String outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        return switch (status) {
            case 200, 201 -> OK;
            case 202 -> PENDING;
            case 409 -> response.body().contains("sold out") ? SOLD_OUT : "http_409";
            case 429 -> RESOURCE_EXHAUSTED;
            case 503 -> "unavailable";
            case 504 -> "deadline_exceeded";
            default -> "http_" + status;
        };
    }

    private static Result drive(Clients make, int clients, Duration limit, Mode mode) throws InterruptedException {
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
            threads[c] = new Thread(() -> {
                Client me = make.make(client);
                ThreadLocalRandom random = ThreadLocalRandom.current();
                long[] mine = new long[1024];
                int n = 0;
                Map<String, Long> seen = new TreeMap<>();
                ready.countDown();
                try {
                    go.await();
                    long deadline = startedAt[0] + limit.toNanos();
                    do {
                        long t0 = System.nanoTime();
                        String outcome = me.call(random);
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = System.nanoTime() - t0;
                        seen.merge(outcome, 1L, Long::sum);
                        if (mode == Mode.ONCE || (mode == Mode.UNTIL_SOLD_OUT && SOLD_OUT.equals(outcome))) {
                            break;
                        }
                    } while (System.nanoTime() < deadline);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
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
