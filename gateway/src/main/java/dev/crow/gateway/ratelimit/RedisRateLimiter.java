package dev.crow.gateway.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.crow.gateway.GatewayProperties.RateLimits;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.VerboseResult;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;

/**
 * Buckets shared by every gateway node in Redis (Bucket4j's compare-and-swap proxy over Lettuce,
 * asynchronous). While Redis is unreachable the gateway fails open to this node's in-memory
 * buckets — clients stay limited, by each node alone — logs a warning at most once per
 * {@code redis-warn-interval}, counts every such decision in {@code crow.gateway.ratelimit.redis.fallback},
 * and tries Redis again every {@code redis-retry-interval} until it answers.
 */
final class RedisRateLimiter implements RateLimiter, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RedisRateLimiter.class);

    private final RedisClient client;
    private final RedisURI uri;
    private final String keyPrefix;
    private final LocalRateLimiter fallback;
    private final Clock clock;
    private final ClockTimeMeter timeMeter;
    private final long retryNanos;
    private final long warnNanos;
    private final Duration timeout;
    private final Counter fallbackDecisions;

    private final AtomicBoolean connecting = new AtomicBoolean();
    private final AtomicLong lastWarningNanos = new AtomicLong(System.nanoTime() - Long.MAX_VALUE / 2);
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile AsyncProxyManager<byte[]> buckets;
    private volatile long retryAfterNanos = System.nanoTime();
    private volatile boolean degraded;

    RedisRateLimiter(String redisUrl, RateLimits settings, LocalRateLimiter fallback, Clock clock,
            MeterRegistry registry) {
        this.uri = RedisURI.create(redisUrl);
        this.keyPrefix = settings.redisKeyPrefix();
        this.fallback = fallback;
        this.clock = clock;
        this.timeMeter = new ClockTimeMeter(clock);
        this.timeout = settings.redisTimeout();
        this.retryNanos = settings.redisRetryInterval().toNanos();
        this.warnNanos = settings.redisWarnInterval().toNanos();
        this.client = RedisClient.create();
        this.client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // Fail fast while disconnected instead of queueing commands behind a dead link.
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .socketOptions(SocketOptions.builder().connectTimeout(timeout.multipliedBy(4)).build())
                .build());
        this.fallbackDecisions = Counter.builder("crow.gateway.ratelimit.redis.fallback")
                .description("Rate-limit decisions taken in local memory because Redis was unreachable")
                .register(registry);
        Gauge.builder("crow.gateway.ratelimit.redis.available", this, limiter -> limiter.isAvailable() ? 1 : 0)
                .description("1 while rate-limit buckets are shared through Redis, 0 while falling back to memory")
                .register(registry);
        connect().join();
    }

    @Override
    public Mono<RateLimitDecision> consume(RateLimitKey key) {
        AsyncProxyManager<byte[]> shared = usableBuckets();
        if (shared == null) {
            return Mono.just(fallbackConsume(key, null));
        }
        CompletableFuture<VerboseResult<ConsumptionProbe>> attempt;
        try {
            attempt = shared.builder().build(key.redisKey(keyPrefix), key.plan().asyncConfiguration())
                    .asVerbose().tryConsumeAndReturnRemaining(1);
        }
        catch (RuntimeException failure) {
            return Mono.just(fallbackConsume(key, failure));
        }
        return Mono.fromFuture(attempt, true)
                .map(result -> {
                    recovered();
                    return RateLimitDecision.of(key.plan(), result.getValue().isConsumed(),
                            result.getDiagnostics().getAvailableTokensPerEachBandwidth(), clock.millis());
                })
                .onErrorResume(failure -> Mono.just(fallbackConsume(key, failure)));
    }

    @Override
    public Mono<RateLimitDecision> peek(RateLimitKey key) {
        AsyncProxyManager<byte[]> shared = usableBuckets();
        if (shared == null) {
            return Mono.just(fallback.peekNow(key));
        }
        CompletableFuture<VerboseResult<EstimationProbe>> attempt;
        try {
            attempt = shared.builder().build(key.redisKey(keyPrefix), key.plan().asyncConfiguration())
                    .asVerbose().estimateAbilityToConsume(1);
        }
        catch (RuntimeException failure) {
            unreachable(failure);
            return Mono.just(fallback.peekNow(key));
        }
        return Mono.fromFuture(attempt, true)
                .map(result -> RateLimitDecision.of(key.plan(), true,
                        result.getDiagnostics().getAvailableTokensPerEachBandwidth(), clock.millis()))
                .onErrorResume(failure -> {
                    unreachable(failure);
                    return Mono.just(fallback.peekNow(key));
                });
    }

    boolean isAvailable() {
        return buckets != null && !degraded;
    }

    private AsyncProxyManager<byte[]> usableBuckets() {
        AsyncProxyManager<byte[]> shared = buckets;
        if (System.nanoTime() - retryAfterNanos < 0) {
            return null;
        }
        if (shared == null) {
            connect();
            return null;
        }
        return shared;
    }

    private RateLimitDecision fallbackConsume(RateLimitKey key, Throwable failure) {
        if (failure != null) {
            unreachable(failure);
        }
        fallbackDecisions.increment();
        return fallback.consumeNow(key);
    }

    private void unreachable(Throwable failure) {
        degraded = true;
        retryAfterNanos = System.nanoTime() + retryNanos;
        long now = System.nanoTime();
        long last = lastWarningNanos.get();
        if (now - last >= warnNanos && lastWarningNanos.compareAndSet(last, now)) {
            log.warn("Redis rate-limit store {}:{} unreachable ({}); limiting from this node's memory and retrying"
                    + " every {} ms", uri.getHost(), uri.getPort(), failure.toString(),
                    TimeUnit.NANOSECONDS.toMillis(retryNanos));
        }
    }

    private void recovered() {
        if (degraded) {
            degraded = false;
            log.info("Redis rate-limit store {}:{} reachable again; buckets are shared across nodes", uri.getHost(),
                    uri.getPort());
        }
    }

    /** Connects without blocking the caller; a failure is remembered and retried after the interval. */
    private CompletableFuture<Void> connect() {
        if (buckets != null || !connecting.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        return client.connectAsync(ByteArrayCodec.INSTANCE, uri).toCompletableFuture()
                .handle((established, failure) -> {
                    try {
                        if (failure != null) {
                            unreachable(failure);
                        }
                        else {
                            connection = established;
                            buckets = Bucket4jLettuce.casBasedBuilder(established)
                                    .clientClock(timeMeter)
                                    .requestTimeout(timeout)
                                    .expirationAfterWrite(ExpirationAfterWriteStrategy
                                            .basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
                                    .build()
                                    .asAsync();
                            retryAfterNanos = System.nanoTime();
                            recovered();
                        }
                    }
                    finally {
                        connecting.set(false);
                    }
                    return null;
                });
    }

    @Override
    public void destroy() {
        StatefulRedisConnection<byte[], byte[]> open = connection;
        if (open != null) {
            open.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
