package org.hotelmesh.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code --cpu-hog}: busy processes ({@code sh} spinning on {@code :}) that compete with the services for the CPU while
 * the contended scenarios run, the way a noisy neighbour would. Closing kills them; a shutdown hook kills them if the
 * bench dies first (but not on SIGKILL).
 */
final class CpuHog implements AutoCloseable {

    private final List<Process> processes = new CopyOnWriteArrayList<>();
    private final Thread hook = new Thread(this::kill, "cpu-hog-killer");

    private CpuHog() {
    }

    /** Starts {@code count} busy processes (none for 0). */
    static CpuHog start(int count) throws IOException {
        CpuHog hog = new CpuHog();
        if (count == 0) {
            return hog;
        }
        Runtime.getRuntime().addShutdownHook(hog.hook);
        try {
            for (int i = 0; i < count; i++) {
                hog.processes.add(new ProcessBuilder("sh", "-c", "while :; do :; done")
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD)
                        .start());
            }
        } catch (IOException e) {
            hog.close();
            throw e;
        }
        return hog;
    }

    private void kill() {
        for (Process process : processes) {
            process.destroyForcibly();
        }
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        kill();
        processes.clear();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it kills them too
        }
    }
}
