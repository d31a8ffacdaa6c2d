package dev.crow.gateway.auth;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.crow.gateway.GatewayProperties;
import dev.crow.gateway.error.GatewayException;
import dev.crow.gateway.observability.GatewayMetrics;
import dev.crow.gateway.observability.PrincipalKind;
import dev.crow.gateway.ratelimit.RateLimitKey;
import dev.crow.gateway.ratelimit.RateLimitPlan;
import dev.crow.gateway.ratelimit.RateLimitPlans;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.netty.util.AsciiString;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Turns a credential into a principal with its internal JWT, caching the answer in memory keyed by
 * the credential's SHA-256. An entry lives at most {@code principal-cache-ttl} (≤ 60 s, the bound on
 * how long a revoked key or ended session keeps working) and never past the JWT's expiry minus
 * {@code jwt-expiry-margin}. Concurrent misses for one credential share one introspection call;
 * refusals are not cached.
 */
@Component
public class PrincipalResolver {

    private final AsyncCache<CredentialKey, Resolution> cache;
    private final IntrospectionClient introspection;
    private final RateLimitPlans plans;
    private final Clock clock;

    PrincipalResolver(GatewayProperties properties, IntrospectionClient introspection, RateLimitPlans plans,
            ObjectProvider<Clock> clock, GatewayMetrics metrics) {
        this.introspection = introspection;
        this.plans = plans;
        this.clock = clock.getIfUnique(Clock::systemUTC);
        this.cache = Caffeine.newBuilder()
                .maximumSize(properties.principalCacheMaxSize())
                .expireAfter(new BoundedLifetime(properties.principalCacheTtl(), properties.jwtExpiryMargin(),
                        this.clock))
                .recordStats()
                // Upkeep on the caller, amortized over reads: no hand-off to (and wake-up of) the common pool.
                .executor(Runnable::run)
                .buildAsync();
        CaffeineCacheMetrics.monitor(metrics.registry(), cache, "crow.gateway.principals");
    }

    /** The principal of a credential: from the cache when present, else from auth-service. */
    public Mono<ResolvedPrincipal> resolve(Credential credential) {
        if (credential.value().isEmpty()) {
            return Mono.error(AuthFailures.invalidCredential());
        }
        return resolve(credential, true);
    }

    private Mono<ResolvedPrincipal> resolve(Credential credential, boolean mayRetry) {
        CredentialKey key = CredentialKey.of(credential);
        Introspect load = new Introspect(credential);
        CompletableFuture<Resolution> entry = cache.get(key, load);
        if (entry.isDone() && !entry.isCompletedExceptionally()) {
            Resolution resolution = entry.join();
            if (resolution.principal() == null) {
                // A refusal is dropped as soon as it is answered, not left to its zero lifetime: one
                // found here that this request did not ask for is a previous request's, and is asked again.
                cache.asMap().remove(key, entry);
                if (!load.ran && mayRetry) {
                    return resolve(credential, false);
                }
            }
            return resolution.asMono();
        }
        // Another request may be waiting on the same future: never let one cancellation cancel it for all.
        return Mono.fromFuture(entry, true).flatMap(resolution -> {
            if (resolution.principal() == null) {
                cache.asMap().remove(key, entry);
            }
            return resolution.asMono();
        });
    }

    /** Asks auth-service for a credential's principal, noting that it did. */
    private final class Introspect implements BiFunction<CredentialKey, Executor, CompletableFuture<Resolution>> {

        private final Credential credential;
        private boolean ran;

        Introspect(Credential credential) {
            this.credential = credential;
        }

        @Override
        public CompletableFuture<Resolution> apply(CredentialKey key, Executor executor) {
            ran = true;
            return introspection.introspect(credential)
                    .map(PrincipalResolver.this::resolved)
                    .onErrorResume(GatewayException.class, failure -> Mono.just(new Resolution(null, failure)))
                    .toFuture();
        }
    }

    /**
     * What the cache holds for a credential: its principal, or why it has none. Refusals are held only
     * while requests wait on the same call (they expire at once, so nothing is cached for them) and are
     * values rather than failed futures, so that no request can meet a stale one.
     */
    private record Resolution(ResolvedPrincipal principal, GatewayException failure) {

        Mono<ResolvedPrincipal> asMono() {
            return principal != null ? Mono.just(principal) : Mono.error(failure);
        }
    }

    /**
     * Drops the cached principal of a credential whose state just changed at auth-service (a new
     * active organization, sign-out), so the next request sees the change instead of waiting out
     * the cache bound.
     */
    public void forget(Credential credential) {
        if (!credential.value().isEmpty()) {
            cache.synchronous().invalidate(CredentialKey.of(credential));
        }
    }

    private Resolution resolved(IntrospectionResponse answer) {
        Principal principal = answer.principal();
        boolean apiKey = principal.isApiKey();
        Principal.RateLimit own = principal.rateLimit();
        RateLimitPlan plan = plans.forTier(principal.tier(), own != null ? own.perMinute() : null,
                own != null ? own.perDay() : null);
        RateLimitKey bucket = apiKey && principal.apiKeyId() != null
                ? plan.keyFor("k:" + principal.apiKeyId())
                : plan.keyFor("u:" + principal.userId());
        return new Resolution(new ResolvedPrincipal(principal, new AsciiString("Bearer " + answer.jwt()),
                principal.organizationId() != null ? new AsciiString(principal.organizationId()) : null,
                answer.jwtExpiresAt(), apiKey ? PrincipalKind.API_KEY : PrincipalKind.SESSION, bucket), null);
    }

    /**
     * Principals expire after the configured TTL or before the JWT they carry does, whichever is first;
     * refusals at once.
     */
    private record BoundedLifetime(Duration ttl, Duration margin, Clock clock)
            implements Expiry<CredentialKey, Resolution> {

        @Override
        public long expireAfterCreate(CredentialKey key, Resolution value, long currentTime) {
            if (value.principal() == null) {
                return 0;
            }
            long untilJwtExpiry = (value.principal().jwtExpiresAtEpochSecond() * 1000 - margin.toMillis())
                    - clock.millis();
            return Math.max(0, Math.min(ttl.toNanos(), Duration.ofMillis(untilJwtExpiry).toNanos()));
        }

        @Override
        public long expireAfterUpdate(CredentialKey key, Resolution value, long currentTime, long currentDuration) {
            return expireAfterCreate(key, value, currentTime);
        }

        @Override
        public long expireAfterRead(CredentialKey key, Resolution value, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
