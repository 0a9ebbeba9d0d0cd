package org.hotelmesh.bench;

import org.hotelmesh.devtools.Stores.Endpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The raw-SQL side of the comparison: pgbench running bench/sql scripts against the same database. */
final class Pgbench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private final Endpoint pg;
    private final String user;
    private final String password;
    private final String database;
    private final Path scripts;
    private final Path logs;

    Pgbench(Endpoint pg, String user, String password, String database, Path scripts, Path logs) {
        this.pg = pg;
        this.user = user;
        this.password = password;
        this.database = database;
        this.scripts = scripts;
        this.logs = logs;
    }

    Load.Result run(String script, int clients, Duration duration, Map<String, String> vars)
            throws IOException, InterruptedException {
        return execute(script, clients, List.of("-T", String.valueOf(duration.toSeconds())), vars);
    }

    Load.Result runTransactions(String script, int clients, int perClient, Map<String, String> vars)
            throws IOException, InterruptedException {
        return execute(script, clients, List.of("-t", String.valueOf(perClient)), vars);
    }

    private Load.Result execute(String script, int clients, List<String> length, Map<String, String> vars)
            throws IOException, InterruptedException {
        Path logDir = Files.createDirectories(logs.resolve("pgbench-" + script.replace(".sql", "")));
        try (Stream<Path> old = Files.list(logDir)) {
            for (Path file : (Iterable<Path>) old::iterator) {
                Files.delete(file);
            }
        }
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", pg.host(), "-p", String.valueOf(pg.port()),
                "-U", user, "-n", "-c", String.valueOf(clients), "-j", "2", "-l",
                "--log-prefix=" + logDir.resolve("tx"), "-f", scripts.resolve(script).toString()));
        command.addAll(length);
        vars.forEach((k, v) -> {
            command.add("-D");
            command.add(k + "=" + v);
        });
        command.add(database);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", password);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("pgbench is needed for the raw-SQL comparison (apt-get install "
                    + "postgresql-contrib, or the PostgreSQL client tools)", e);
        }
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("pgbench failed:\n" + output);
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench output:\n" + output);
        }
        Matcher failed = FAILED.matcher(output);
        long failures = failed.find() ? Long.parseLong(failed.group(1)) : 0;

        // per-transaction log lines: client_id transaction_no time(us) script_no time_epoch time_us
        List<Long> latencies = new ArrayList<>();
        try (Stream<Path> files = Files.list(logDir)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                for (String line : Files.readAllLines(file)) {
                    String[] columns = line.split(" ");
                    if (columns.length >= 3) {
                        latencies.add(Long.parseLong(columns[2]) * 1000);
                    }
                }
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        double rate = Double.parseDouble(tps.group(1));
        long ops = sorted.length;
        Map<String, Long> outcomes = new TreeMap<>();
        outcomes.put("ok", ops - failures);
        if (failures > 0) {
            outcomes.put("failed", failures);
        }
        return new Load.Result(clients, ops, (long) (ops / rate * 1e9), sorted, outcomes);
    }
}
