package org.hotelmesh.devtools;

import org.hotelmesh.devtools.Stores.Endpoint;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Redis Cluster of this machine's {@code redis-server} processes: masters only, on free ports of 127.0.0.1, nothing
 * persisted, every slot assigned by {@code redis-cli --cluster create}. For tests of what a cluster changes (keys
 * spread over nodes by slot, commands refused when their keys span slots); {@link #close()} shuts the nodes down.
 * {@link #at(String)} looks at a cluster already running (one a test resource started), to ask where keys live.
 */
public final class RedisCluster implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final String REFUSED = "Redis refused: ";

    private final List<Endpoint> nodes;
    private final List<Process> processes;
    private final Path dir;

    private RedisCluster(List<Endpoint> nodes, List<Process> processes, Path dir) {
        this.nodes = nodes;
        this.processes = processes;
        this.dir = dir;
    }

    /**
     * Starts {@code size} (at least 3, a cluster's minimum of masters) nodes with their files and logs in {@code dir}
     * and joins them into one cluster; returns once every node reports {@code cluster_state:ok}. Fails, naming the
     * Debian packages, when redis-server or redis-cli is not on PATH.
     */
    public static RedisCluster start(Path dir, int size) {
        if (size < 3) {
            throw new IllegalArgumentException("a Redis Cluster needs at least 3 masters, not " + size);
        }
        requireOnPath("redis-server");
        requireOnPath("redis-cli");
        List<Endpoint> nodes = new ArrayList<>();
        List<Process> processes = new ArrayList<>();
        RedisCluster cluster = new RedisCluster(nodes, processes, dir);
        try {
            Files.createDirectories(dir);
            Set<Integer> taken = new HashSet<>();
            for (int i = 0; i < size; i++) {
                // The cluster bus gets a port of its own: the default, port + 10000, may be taken or beyond 65535.
                int port = freePortOtherThan(taken);
                int busPort = freePortOtherThan(taken);
                Path log = dir.resolve("redis-" + port + ".log");
                Path state = dir.resolve("nodes-" + port + ".conf");
                // left by a run that was killed: the node would rejoin that run's cluster
                Files.deleteIfExists(state);
                processes.add(new ProcessBuilder("redis-server", "--port", String.valueOf(port),
                        "--bind", "127.0.0.1", "--cluster-enabled", "yes", "--cluster-port", String.valueOf(busPort),
                        "--cluster-config-file", state.toString(),
                        "--save", "", "--appendonly", "no", "--dir", dir.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start());
                nodes.add(new Endpoint("127.0.0.1", port));
            }
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            for (int i = 0; i < size; i++) {
                while (!Stores.reachable(nodes.get(i))) {
                    if (!processes.get(i).isAlive() || System.nanoTime() > deadline) {
                        throw new IllegalStateException("redis-server did not start on " + nodes.get(i) + "; see "
                                + dir.resolve("redis-" + nodes.get(i).port() + ".log"));
                    }
                    Thread.sleep(20);
                }
            }
            create(nodes, dir.resolve("cluster-create.log"));
            for (Endpoint node : nodes) {
                while (!String.valueOf(call(node, "CLUSTER", "INFO")).contains("cluster_state:ok")) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the Redis Cluster in " + dir
                                + " did not reach cluster_state:ok on " + node + " within " + START_TIMEOUT);
                    }
                    Thread.sleep(50);
                }
            }
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException("could not start a Redis Cluster in " + dir, e);
        } catch (InterruptedException e) {
            cluster.close();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** A cluster already running, known by its nodes as {@link #hosts()} lists them; closing it stops nothing. */
    public static RedisCluster at(String hosts) {
        List<Endpoint> nodes = new ArrayList<>();
        for (String host : hosts.split(",")) {
            URI uri = URI.create(host.trim());
            nodes.add(new Endpoint(uri.getHost(), uri.getPort()));
        }
        return new RedisCluster(nodes, List.of(), null);
    }

    /** The nodes, all masters. */
    public List<Endpoint> nodes() {
        return Collections.unmodifiableList(nodes);
    }

    /** The nodes as {@code quarkus.redis.hosts} lists them for {@code quarkus.redis.client-type=cluster}. */
    public String hosts() {
        return nodes.stream().map(node -> "redis://" + node).collect(Collectors.joining(","));
    }

    /** The hash slot of {@code key}, as the cluster computes it (only the hash tag counts, when the key has one). */
    public int slotOf(String key) {
        return ((Long) call(nodes.get(0), "CLUSTER", "KEYSLOT", key)).intValue();
    }

    /** The node that serves {@code key}'s slot. */
    public Endpoint nodeServing(String key) {
        int slot = slotOf(key);
        for (Object range : (List<?>) call(nodes.get(0), "CLUSTER", "SLOTS")) {
            List<?> fields = (List<?>) range;
            if ((Long) fields.get(0) <= slot && slot <= (Long) fields.get(1)) {
                List<?> master = (List<?>) fields.get(2);
                return new Endpoint((String) master.get(0), ((Long) master.get(1)).intValue());
            }
        }
        throw new IllegalStateException("no node of the cluster serves slot " + slot);
    }

    /** Whether {@code node} itself holds {@code key}: asked directly, so no client follows the node's redirection. */
    public boolean holds(Endpoint node, String key) {
        try {
            return (Long) call(node, "EXISTS", key) == 1;
        } catch (IllegalStateException e) {
            if (e.getMessage().startsWith(REFUSED + "MOVED")) {
                return false; // the slot is another node's
            }
            throw e;
        }
    }

    /** Empties every node: a clean slate for the next test class. */
    public void flush() {
        nodes.forEach(node -> call(node, "FLUSHALL"));
    }

    /** Shuts every node down without saving; the logs stay in the directory, the cluster's state files go. */
    @Override
    public void close() {
        for (int i = 0; i < processes.size(); i++) {
            Process process = processes.get(i);
            if (!process.isAlive()) {
                continue;
            }
            try (Socket socket = new Socket(nodes.get(i).host(), nodes.get(i).port())) {
                socket.getOutputStream().write(Stores.resp("SHUTDOWN", "NOSAVE"));
                socket.getOutputStream().flush();
                socket.getInputStream().read(); // the node closes the connection as it exits
            } catch (IOException ignored) {
                // not answering: stopped below
            }
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (dir == null) {
            return;
        }
        nodes.forEach(node -> {
            try {
                Files.deleteIfExists(dir.resolve("nodes-" + node.port() + ".conf"));
            } catch (IOException ignored) {
                // a stale file names a port no later cluster reuses in this directory
            }
        });
    }

    private static void create(List<Endpoint> nodes, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
        nodes.forEach(node -> command.add(node.toString()));
        command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
        Process create = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!create.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            create.destroyForcibly();
            throw new IllegalStateException("redis-cli --cluster create did not finish within " + START_TIMEOUT
                    + "; see " + log);
        }
        if (create.exitValue() != 0) {
            throw new IllegalStateException("redis-cli --cluster create failed (exit " + create.exitValue() + "): "
                    + Files.readString(log));
        }
    }

    private static void requireOnPath(String program) {
        try {
            Process probe = new ProcessBuilder(program, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!probe.waitFor(10, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                throw new IllegalStateException(program + " --version failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("a Redis Cluster needs " + program + " on PATH (Debian packages"
                    + " redis-server and redis-tools), and there is none", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePortOtherThan(Set<Integer> taken) {
        while (true) {
            int port = Stores.freePort();
            if (taken.add(port)) {
                return port;
            }
        }
    }

    /** One command over RESP; the reply as a String, Long or List (of those), an error reply as an exception. */
    static Object call(Endpoint node, String... command) {
        try (Socket socket = new Socket(node.host(), node.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(Stores.resp(command));
            out.flush();
            return reply(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException("Redis at " + node + ": " + String.join(" ", command), e);
        }
    }

    private static Object reply(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+':
                return line;
            case '-':
                throw new IllegalStateException(REFUSED + line);
            case ':':
                return Long.parseLong(line);
            case '$': {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2); // the value and its CRLF
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*': {
                int count = Integer.parseInt(line);
                List<Object> items = new ArrayList<>(Math.max(count, 0));
                for (int i = 0; i < count; i++) {
                    items.add(reply(in));
                }
                return items;
            }
            default:
                throw new IOException("not a RESP2 reply: " + (char) type + line);
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("connection closed mid-reply");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }
}
