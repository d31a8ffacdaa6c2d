package dev.crow.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import dev.crow.gateway.support.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalRateLimiterTests {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-15T10:00:05Z"));
    private final LocalRateLimiter limiter = new LocalRateLimiter(clock, 1000, Duration.ofHours(24));
    private final RateLimitPlan plan = new RateLimitPlan("test", 3, 5);

    @Test
    void minuteWindowBindsWhileItHasFewerRequestsLeft() {
        RateLimitKey key = plan.keyFor("k:1");

        RateLimitDecision first = limiter.consumeNow(key);

        assertThat(first.allowed()).isTrue();
        assertThat(first.limit()).isEqualTo("3");
        assertThat(first.remaining()).isEqualTo(2);
        assertThat(first.resetEpochSecond()).isEqualTo(nextMinute().getEpochSecond());
    }

    @Test
    void refusalWaitsForTheMinuteWhenTheDayStillHasRoom() {
        RateLimitKey key = plan.keyFor("k:2");
        for (int i = 0; i < 3; i++) {
            limiter.consumeNow(key);
        }

        RateLimitDecision refused = limiter.consumeNow(key);

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.limit()).isEqualTo("3");
        assertThat(refused.retryAfterSeconds()).isEqualTo(55);
    }

    @Test
    void dayWindowBindsOnceItHasFewerRequestsLeftAndRefusesUntilMidnight() {
        RateLimitKey key = plan.keyFor("k:3");
        for (int i = 0; i < 3; i++) {
            limiter.consumeNow(key);
        }
        clock.nextMinute(10);
        RateLimitDecision fourth = limiter.consumeNow(key);
        RateLimitDecision fifth = limiter.consumeNow(key);
        RateLimitDecision sixth = limiter.consumeNow(key);

        assertThat(fourth.remaining()).as("day: 1 left, minute: 2 left").isEqualTo(1);
        assertThat(fourth.limit()).isEqualTo("5");
        assertThat(fifth.allowed()).isTrue();
        assertThat(sixth.allowed()).isFalse();
        assertThat(sixth.limit()).isEqualTo("5");
        Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        assertThat(sixth.resetEpochSecond()).isEqualTo(midnight.getEpochSecond());
        assertThat(sixth.retryAfterSeconds()).isEqualTo(Duration.between(clock.instant(), midnight).toSeconds());
    }

    @Test
    void peekingTakesNoToken() {
        RateLimitKey key = plan.keyFor("k:4");

        limiter.peekNow(key);
        RateLimitDecision peeked = limiter.peekNow(key);

        assertThat(peeked.remaining()).isEqualTo(3);
        assertThat(limiter.consumeNow(key).remaining()).isEqualTo(2);
    }

    @Test
    void plansWithTheSameNameButDifferentSubjectsAreSeparateBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.consumeNow(plan.keyFor("ip:1"));
        }

        assertThat(limiter.consumeNow(plan.keyFor("ip:1")).allowed()).isFalse();
        assertThat(limiter.consumeNow(plan.keyFor("ip:2")).allowed()).isTrue();
    }

    private Instant nextMinute() {
        return clock.instant().truncatedTo(ChronoUnit.MINUTES).plusSeconds(60);
    }
}
