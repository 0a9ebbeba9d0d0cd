package org.hotelmesh.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Where the CPU went during a scenario, from /proc (Linux): two samples, a tenth of the run after its start and a tenth
 * before its end (so start-up and the last calls stay out), of each group of processes' user + system time and of the
 * whole machine's. Processes that end between the samples (pgbench's backends do, at its end) are counted in the
 * samples they were alive for, which is why the samples stay inside the run. Assumes 100 clock ticks a second.
 */
final class CpuWatch {

    private static final double TICKS_PER_SECOND = 100;

    /** A process as /proc shows it. */
    record Proc(long pid, String comm, List<String> args) {
    }

    /** A named group of processes. */
    record Group(String name, Predicate<Proc> member) {
    }

    /** {@code others}: the processes of no group, by pid: {ticks, and their command's name}. */
    private record Sample(long nanos, long machineBusy, long machineAll, Map<String, Long> groups,
                          Map<Long, Map.Entry<String, Long>> others) {
    }

    private final List<Group> groups;
    private final Thread thread;
    private volatile Sample first;
    private volatile Sample last;

    private CpuWatch(Duration run, List<Group> groups) {
        this.groups = groups;
        long margin = Math.max(500, run.toMillis() / 10);
        long window = run.toMillis() - 2 * margin;
        this.thread = new Thread(() -> {
            try {
                Thread.sleep(margin);
                first = sample();
                Thread.sleep(Math.max(500, window));
                last = sample();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cpu-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts watching a run of this length that starts now. */
    static CpuWatch during(Duration run, List<Group> groups) {
        return new CpuWatch(run, groups);
    }

    /** The services (by their --Dquarkus.http.port) and the rest of the machine's parties. */
    static List<Group> services(Map<String, Integer> ports) {
        List<Group> groups = new ArrayList<>();
        long self = ProcessHandle.current().pid();
        groups.add(new Group("bench", p -> p.pid() == self));
        ports.forEach((name, port) -> groups.add(new Group(name,
                p -> p.args().contains("-Dquarkus.http.port=" + port))));
        groups.add(new Group("postgres", p -> p.comm().equals("postgres")));
        groups.add(new Group("pgbench", p -> p.comm().equals("pgbench")));
        groups.add(new Group("redis", p -> p.comm().startsWith("redis-server")));
        return groups;
    }

    /** Waits for the second sample: "cores used, of N: name 0.71, ...; machine busy 1.95 of N". */
    String report() throws InterruptedException {
        thread.join();
        if (first == null || last == null) {
            return "not measured";
        }
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        int cores = Runtime.getRuntime().availableProcessors();
        List<Map.Entry<String, Double>> used = new ArrayList<>();
        double named = 0;
        for (Group group : groups) {
            double c = (last.groups().get(group.name()) - first.groups().get(group.name())) / TICKS_PER_SECOND
                    / seconds;
            named += c;
            if (c >= 0.005) {
                used.add(Map.entry(group.name(), c));
            }
        }
        used.sort(Map.Entry.<String, Double>comparingByValue().reversed());
        double busyShare = (double) (last.machineBusy() - first.machineBusy())
                / Math.max(1, last.machineAll() - first.machineAll());
        StringBuilder sb = new StringBuilder(String.format("cores used over %.0f s, of %d:", seconds, cores));
        for (Map.Entry<String, Double> e : used) {
            sb.append(String.format(" %s %.2f,", e.getKey(), e.getValue()));
        }
        double others = Math.max(0, busyShare * cores - named);
        sb.append(String.format(" others %.2f", others));
        if (others >= 0.1) {
            // whose: the busiest commands among the processes of no group (a process started since counts whole)
            Map<String, Double> byCommand = new LinkedHashMap<>();
            last.others().forEach((pid, now) -> {
                Map.Entry<String, Long> then = first.others().get(pid);
                long ticks = now.getValue() - (then == null ? 0 : then.getValue());
                byCommand.merge(now.getKey(), ticks / TICKS_PER_SECOND / seconds, Double::sum);
            });
            List<Map.Entry<String, Double>> top = new ArrayList<>(byCommand.entrySet());
            top.sort(Map.Entry.<String, Double>comparingByValue().reversed());
            sb.append(" (");
            for (int i = 0; i < Math.min(3, top.size()); i++) {
                sb.append(i == 0 ? "" : ", ").append(String.format("%s %.2f", top.get(i).getKey(),
                        top.get(i).getValue()));
            }
            sb.append(')');
        }
        return sb.append(String.format("; machine busy %.2f", busyShare * cores)).toString();
    }

    private Sample sample() {
        Map<String, Long> ticks = new LinkedHashMap<>();
        Map<Long, Map.Entry<String, Long>> others = new LinkedHashMap<>();
        groups.forEach(g -> ticks.put(g.name(), 0L));
        try (DirectoryStream<Path> procs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : procs) {
                try {
                    String stat = Files.readString(dir.resolve("stat"));
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(stat.indexOf('(') + 1, close);
                    String[] f = stat.substring(close + 2).split(" ");
                    long used = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    Proc proc = new Proc(Long.parseLong(dir.getFileName().toString()), comm,
                            Arrays.asList(new String(Files.readAllBytes(dir.resolve("cmdline")),
                                    StandardCharsets.UTF_8).split("\0")));
                    boolean grouped = false;
                    for (Group g : groups) {
                        if (g.member().test(proc)) {
                            ticks.merge(g.name(), used, Long::sum);
                            grouped = true;
                            break;
                        }
                    }
                    if (!grouped) {
                        others.put(proc.pid(), Map.entry(comm, used));
                    }
                } catch (IOException | RuntimeException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return new Sample(System.nanoTime(), 0, 0, ticks, others);
        }
        long busy = 0;
        long all = 0;
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal
            for (int i = 1; i <= 8 && i < cpu.length; i++) {
                long v = Long.parseLong(cpu[i]);
                all += v;
                if (i != 4 && i != 5) {
                    busy += v;
                }
            }
        } catch (IOException | RuntimeException e) {
            // no machine figure
        }
        return new Sample(System.nanoTime(), busy, all, ticks, others);
    }
}
