package dev.crow.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * A named budget of requests per minute and per day. Both windows refill in full at fixed UTC
 * boundaries (every minute, every midnight), which makes {@code X-RateLimit-Reset} exact and lets
 * every gateway node build an identical configuration for a shared Redis bucket.
 */
public final class RateLimitPlan {

    static final int MINUTE = 0;
    static final int DAY = 1;
    static final long MINUTE_MILLIS = Duration.ofMinutes(1).toMillis();
    static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private final String name;
    private final long perMinute;
    private final long perDay;
    private final BucketConfiguration configuration;
    private final Supplier<CompletableFuture<BucketConfiguration>> asyncConfiguration;
    private final String perMinuteText;
    private final String perDayText;
    private final String policyHeader;

    RateLimitPlan(String name, long perMinute, long perDay) {
        this.name = name;
        this.perMinute = perMinute;
        this.perDay = perDay;
        // Anchoring the first refill at the epoch aligns refills to whole UTC minutes and days.
        this.configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(perMinute)
                        .refillIntervallyAligned(perMinute, Duration.ofMinutes(1), Instant.EPOCH).id("minute").build())
                .addLimit(Bandwidth.builder().capacity(perDay)
                        .refillIntervallyAligned(perDay, Duration.ofDays(1), Instant.EPOCH).id("day").build())
                .build();
        CompletableFuture<BucketConfiguration> configured = CompletableFuture.completedFuture(configuration);
        this.asyncConfiguration = () -> configured;
        this.perMinuteText = Long.toString(perMinute);
        this.perDayText = Long.toString(perDay);
        this.policyHeader = perMinute + ";w=60, " + perDay + ";w=86400";
    }

    public String name() {
        return name;
    }

    public long perMinute() {
        return perMinute;
    }

    public long perDay() {
        return perDay;
    }

    BucketConfiguration configuration() {
        return configuration;
    }

    Supplier<CompletableFuture<BucketConfiguration>> asyncConfiguration() {
        return asyncConfiguration;
    }

    String limitText(int window) {
        return window == MINUTE ? perMinuteText : perDayText;
    }

    long capacity(int window) {
        return window == MINUTE ? perMinute : perDay;
    }

    String policyHeader() {
        return policyHeader;
    }

    /** The bucket of {@code subject} (an API key, a user, a client address) under this plan. */
    public RateLimitKey keyFor(String subject) {
        return new RateLimitKey(this, name + ':' + subject);
    }

    @Override
    public String toString() {
        return name + "(" + perMinute + "/min, " + perDay + "/day)";
    }
}
