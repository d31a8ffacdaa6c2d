package dev.crow.gateway.observability;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

/**
 * The gateway's own meters, exported in Prometheus format on the management port. Meters are
 * looked up once per (route, status, principal kind) and kept, so recording a request costs a map
 * read and an array read instead of building a meter id per request.
 */
@Component
public class GatewayMetrics {

    private static final int STATUS_SLOTS = 600;
    private static final PrincipalKind[] KINDS = PrincipalKind.values();
    /** Histogram buckets for latency: few enough to record cheaply, enough for useful quantiles. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(2),
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final ConcurrentMap<String, AtomicReferenceArray<Timer>> requestTimers = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> rateLimited = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> upstreamErrors = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Timer> introspections = new ConcurrentHashMap<>();

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public MeterRegistry registry() {
        return registry;
    }

    void recordRequest(String route, int status, PrincipalKind kind, long nanos) {
        AtomicReferenceArray<Timer> timers = requestTimers.computeIfAbsent(route,
                r -> new AtomicReferenceArray<>(STATUS_SLOTS * KINDS.length));
        int statusSlot = status > 0 && status < STATUS_SLOTS ? status : 0;
        int slot = statusSlot * KINDS.length + kind.ordinal();
        Timer timer = timers.get(slot);
        if (timer == null) {
            timer = Timer.builder("crow.gateway.requests")
                    .description("Requests answered by the gateway, by route, status and principal kind")
                    .tag("route", route)
                    .tag("status", Integer.toString(statusSlot))
                    .tag("principal", kind.wireName())
                    .serviceLevelObjectives(LATENCY_BUCKETS)
                    .register(registry);
            timers.set(slot, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void rateLimited(String plan) {
        rateLimited.computeIfAbsent(plan, p -> Counter.builder("crow.gateway.ratelimit.rejected")
                .description("Requests refused with 429 because a rate-limit bucket was empty")
                .tag("plan", p)
                .register(registry)).increment();
    }

    public void upstreamError(String route, String kind) {
        upstreamErrors.computeIfAbsent(route + '\u0000' + kind, k -> Counter.builder("crow.gateway.upstream.errors")
                .description("Requests the gateway could not complete because the upstream service failed")
                .tag("route", route)
                .tag("kind", kind)
                .register(registry)).increment();
    }

    public void introspection(String outcome, long nanos) {
        introspections.computeIfAbsent(outcome, o -> Timer.builder("crow.gateway.introspection")
                .description("Calls to auth-service's introspection endpoint (principal cache misses)")
                .tag("outcome", o)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }
}
