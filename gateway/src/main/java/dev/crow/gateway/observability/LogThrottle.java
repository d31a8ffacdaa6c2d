package dev.crow.gateway.observability;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Lets a recurring warning through at most once per interval, so an outage cannot flood the log. */
public final class LogThrottle {

    private final long intervalNanos;
    private final AtomicLong last;

    public LogThrottle(Duration interval) {
        this.intervalNanos = interval.toNanos();
        this.last = new AtomicLong(System.nanoTime() - intervalNanos - 1);
    }

    public boolean allow() {
        long now = System.nanoTime();
        long previous = last.get();
        return now - previous > intervalNanos && last.compareAndSet(previous, now);
    }
}
