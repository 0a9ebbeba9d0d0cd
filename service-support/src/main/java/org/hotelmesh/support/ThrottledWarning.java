package org.hotelmesh.support;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A WARN at most once per interval, the repeats at DEBUG: an outage of a cache or a downstream must be seen in the
 * log, but must not flood it (or burn the CPU the fallback needs) at the request rate.
 */
public final class ThrottledWarning {

    private final Logger log;
    private final long intervalNanos;
    private final AtomicLong last;

    public ThrottledWarning(Logger log, Duration interval) {
        this.log = log;
        this.intervalNanos = interval.toNanos();
        this.last = new AtomicLong(System.nanoTime() - intervalNanos);
    }

    /** Logs "{@code message}: {@code failure}" at WARN unless one was logged within the interval. */
    public void warn(String message, Throwable failure) {
        warn(message + ": " + failure);
    }

    /** Logs {@code message} at WARN unless one was logged within the interval, else at DEBUG. */
    public void warn(String message) {
        long now = System.nanoTime();
        long previous = last.get();
        if (now - previous >= intervalNanos && last.compareAndSet(previous, now)) {
            log.warnf("%s (repeats are logged at DEBUG for %s)", message, Duration.ofNanos(intervalNanos));
        } else {
            log.debug(message);
        }
    }
}
