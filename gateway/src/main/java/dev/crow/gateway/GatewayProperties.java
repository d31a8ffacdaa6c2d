package dev.crow.gateway;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.StringUtils;

/**
 * Everything the gateway is configured with ({@code crow.gateway.*}). Service URLs, limits and
 * timeouts have safe defaults; the service key has none, so a gateway without it does not start.
 */
@ConfigurationProperties("crow.gateway")
public record GatewayProperties(
        Map<String, URI> services,
        String serviceKey,
        Duration principalCacheTtl,
        long principalCacheMaxSize,
        Duration jwtExpiryMargin,
        Introspection introspection,
        List<String> trustedProxies,
        Cors cors,
        RateLimits rateLimits,
        String redisUrl) {

    /** The services the gateway routes to, with the ports of the local layout (DESIGN.md §1). */
    public static final Map<String, URI> DEFAULT_SERVICES = defaultServices();

    public GatewayProperties {
        Map<String, URI> merged = new LinkedHashMap<>(DEFAULT_SERVICES);
        if (services != null) {
            merged.putAll(services);
        }
        services = Map.copyOf(merged);
        if (!StringUtils.hasText(serviceKey)) {
            throw new IllegalStateException(
                    "crow.gateway.service-key (env CROW_PLATFORM_SERVICE_KEY or CROW_GATEWAY_SERVICEKEY) is required:"
                            + " the gateway authenticates to auth-service's introspection endpoint with it");
        }
        principalCacheTtl = positiveOr(principalCacheTtl, Duration.ofSeconds(60));
        if (principalCacheTtl.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalStateException("crow.gateway.principal-cache-ttl must not exceed 60s (revocation bound)");
        }
        principalCacheMaxSize = principalCacheMaxSize > 0 ? principalCacheMaxSize : 100_000;
        jwtExpiryMargin = jwtExpiryMargin != null ? jwtExpiryMargin : Duration.ofSeconds(30);
        introspection = introspection != null ? introspection : new Introspection(0, null, null);
        trustedProxies = trustedProxies != null ? List.copyOf(trustedProxies) : List.of();
        cors = cors != null ? cors : new Cors(List.of(), null);
        rateLimits = rateLimits != null ? rateLimits : RateLimits.defaults();
    }

    public URI service(String name) {
        URI uri = services.get(name);
        if (uri == null) {
            throw new IllegalStateException("crow.gateway.services." + name + " is not configured");
        }
        return uri;
    }

    /** The reactive client that asks auth-service who a credential belongs to. */
    public record Introspection(int maxConnections, Duration connectTimeout, Duration responseTimeout) {

        public Introspection {
            maxConnections = maxConnections > 0 ? maxConnections : 64;
            connectTimeout = positiveOr(connectTimeout, Duration.ofMillis(1500));
            responseTimeout = positiveOr(responseTimeout, Duration.ofSeconds(3));
        }
    }

    /** Dashboard origins allowed to call the API from a browser, with credentials. */
    public record Cors(List<String> allowedOrigins, Duration maxAge) {

        public Cors {
            allowedOrigins = allowedOrigins != null ? List.copyOf(allowedOrigins) : List.of();
            maxAge = maxAge != null ? maxAge : Duration.ofMinutes(30);
        }
    }

    /** Per-minute and per-day allowance of one bucket. */
    public record Limit(long perMinute, long perDay) {

        public Limit {
            if (perMinute <= 0 || perDay <= 0) {
                throw new IllegalStateException("rate limits must be positive, got " + perMinute + "/" + perDay);
            }
        }
    }

    /** Where buckets live and how large they are (DESIGN.md §3). */
    public record RateLimits(
            Store store,
            Map<String, Limit> tiers,
            Limit authRoutes,
            Limit docs,
            Limit webhook,
            long maxBuckets,
            Duration bucketIdleExpiry,
            String redisKeyPrefix,
            Duration redisTimeout,
            Duration redisRetryInterval,
            Duration redisWarnInterval) {

        public static final Map<String, Limit> DEFAULT_TIERS = Map.of(
                "public", new Limit(10, 100),
                "free", new Limit(60, 1_000),
                "starter", new Limit(300, 50_000),
                "professional", new Limit(1_000, 500_000),
                "enterprise", new Limit(5_000, 5_000_000));

        public RateLimits {
            store = store != null ? store : Store.MEMORY;
            Map<String, Limit> merged = new LinkedHashMap<>(DEFAULT_TIERS);
            if (tiers != null) {
                merged.putAll(tiers);
            }
            tiers = Map.copyOf(merged);
            authRoutes = authRoutes != null ? authRoutes : new Limit(5, 50);
            docs = docs != null ? docs : new Limit(120, 5_000);
            webhook = webhook != null ? webhook : new Limit(600, 200_000);
            maxBuckets = maxBuckets > 0 ? maxBuckets : 200_000;
            // A day window refills at most 24 h after any use, so a bucket idle that long has nothing to remember.
            bucketIdleExpiry = positiveOr(bucketIdleExpiry, Duration.ofHours(24));
            redisKeyPrefix = StringUtils.hasText(redisKeyPrefix) ? redisKeyPrefix : "crow:rl:";
            redisTimeout = positiveOr(redisTimeout, Duration.ofMillis(250));
            redisRetryInterval = positiveOr(redisRetryInterval, Duration.ofSeconds(2));
            redisWarnInterval = positiveOr(redisWarnInterval, Duration.ofSeconds(30));
        }

        static RateLimits defaults() {
            return new RateLimits(null, null, null, null, null, 0, null, null, null, null, null);
        }

        public Limit tier(String name) {
            return tiers.get(name);
        }
    }

    public enum Store {
        MEMORY, REDIS
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value != null && !value.isNegative() && !value.isZero() ? value : fallback;
    }

    private static Map<String, URI> defaultServices() {
        Map<String, URI> services = new LinkedHashMap<>();
        String[] names = {"auth", "users", "organizations", "products", "interactions", "patterns", "chat", "billing",
                "cctv", "mcp"};
        for (int i = 0; i < names.length; i++) {
            services.put(names[i], URI.create("http://127.0.0.1:" + (8081 + i)));
        }
        return Map.copyOf(services);
    }
}
