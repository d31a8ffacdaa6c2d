package dev.crow.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.local.LocalBucketBuilder;
import reactor.core.publisher.Mono;

/**
 * Buckets in this node's memory. Bucket4j's local buckets are lock-free (compare-and-swap on an
 * immutable state); Caffeine bounds how many exist and drops those idle longer than any window
 * can remember.
 */
final class LocalRateLimiter implements RateLimiter {

    private final Cache<String, Bucket> buckets;
    private final ClockTimeMeter timeMeter;
    private final Clock clock;

    LocalRateLimiter(Clock clock, long maxBuckets, Duration idleExpiry) {
        this.clock = clock;
        this.timeMeter = new ClockTimeMeter(clock);
        // Upkeep (evicting, expiring) runs on the caller, amortized over reads, instead of being handed to
        // the common fork-join pool, whose wake-ups cost the event loops more than the upkeep itself.
        this.buckets = Caffeine.newBuilder().maximumSize(maxBuckets).expireAfterAccess(idleExpiry)
                .executor(Runnable::run).build();
    }

    @Override
    public Mono<RateLimitDecision> consume(RateLimitKey key) {
        return Mono.just(consumeNow(key));
    }

    @Override
    public Mono<RateLimitDecision> peek(RateLimitKey key) {
        return Mono.just(peekNow(key));
    }

    RateLimitDecision consumeNow(RateLimitKey key) {
        VerboseResult<ConsumptionProbe> result = bucket(key).asVerbose().tryConsumeAndReturnRemaining(1);
        return RateLimitDecision.of(key.plan(), result.getValue().isConsumed(),
                result.getDiagnostics().getAvailableTokensPerEachBandwidth(), clock.millis());
    }

    RateLimitDecision peekNow(RateLimitKey key) {
        VerboseResult<EstimationProbe> result = bucket(key).asVerbose().estimateAbilityToConsume(1);
        return RateLimitDecision.of(key.plan(), true, result.getDiagnostics().getAvailableTokensPerEachBandwidth(),
                clock.millis());
    }

    long size() {
        return buckets.estimatedSize();
    }

    private Bucket bucket(RateLimitKey key) {
        Bucket bucket = buckets.getIfPresent(key.id());
        if (bucket == null) {
            bucket = buckets.get(key.id(), id -> newBucket(key.plan()));
        }
        return bucket;
    }

    private Bucket newBucket(RateLimitPlan plan) {
        LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(timeMeter);
        for (Bandwidth bandwidth : plan.configuration().getBandwidths()) {
            builder.addLimit(bandwidth);
        }
        return builder.build();
    }
}
