package dev.crow.gateway.ratelimit;

import java.time.Clock;

import io.github.bucket4j.TimeMeter;

/** Bucket4j time from a {@link Clock}: wall-clock milliseconds, so refills align to UTC boundaries. */
final class ClockTimeMeter implements TimeMeter {

    private final Clock clock;

    ClockTimeMeter(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long currentTimeNanos() {
        return clock.millis() * 1_000_000L;
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
