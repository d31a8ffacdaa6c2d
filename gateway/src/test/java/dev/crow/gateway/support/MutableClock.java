package dev.crow.gateway.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * A clock the test moves by hand, so rate-limit windows and reset times are exact. By default it
 * starts five seconds into the current UTC minute, close enough to real time for JWT expiry checks.
 */
public final class MutableClock extends Clock {

    private volatile Instant now;

    public MutableClock() {
        this(Instant.now().truncatedTo(ChronoUnit.MINUTES).plusSeconds(5));
    }

    public MutableClock(Instant start) {
        this.now = start;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    /** Moves to the start of the next UTC minute, plus {@code seconds}. */
    public void nextMinute(int seconds) {
        now = now.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES).plusSeconds(seconds);
    }
}
