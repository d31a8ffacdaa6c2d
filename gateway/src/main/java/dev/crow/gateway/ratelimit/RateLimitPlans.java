package dev.crow.gateway.ratelimit;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import dev.crow.gateway.GatewayProperties;
import dev.crow.gateway.GatewayProperties.Limit;
import dev.crow.gateway.GatewayProperties.RateLimits;

/**
 * The plans of DESIGN.md §3 from configuration: one per tier, a stricter one for sign-in and its
 * kin, and the per-address plans for anonymous traffic. Enterprise organizations bring their own
 * numbers; plans for those are made once per distinct pair and shared.
 */
public final class RateLimitPlans {

    private final RateLimitPlan anonymous;
    private final RateLimitPlan authRoutes;
    private final RateLimitPlan docs;
    private final RateLimitPlan webhook;
    private final RateLimitPlan free;
    private final Map<String, RateLimitPlan> tiers;
    private final Limit enterpriseFallback;
    private final ConcurrentMap<String, RateLimitPlan> enterpriseByLimits = new ConcurrentHashMap<>();

    public RateLimitPlans(GatewayProperties properties) {
        RateLimits limits = properties.rateLimits();
        this.anonymous = plan("public", limits.tier("public"));
        this.authRoutes = plan("auth", limits.authRoutes());
        this.docs = plan("docs", limits.docs());
        this.webhook = plan("webhook", limits.webhook());
        this.free = plan("free", limits.tier("free"));
        this.tiers = Map.of(
                "free", free,
                "starter", plan("starter", limits.tier("starter")),
                "professional", plan("professional", limits.tier("professional")));
        this.enterpriseFallback = limits.tier("enterprise");
    }

    /** Anonymous callers, per client address. */
    public RateLimitPlan anonymous() {
        return anonymous;
    }

    /** Sign-in, sign-up, API-key verification and password reset, per client address. */
    public RateLimitPlan authRoutes() {
        return authRoutes;
    }

    public RateLimitPlan docs() {
        return docs;
    }

    public RateLimitPlan webhook() {
        return webhook;
    }

    /**
     * The plan of an organization's tier. Enterprise uses the organization's own limits when auth-service
     * sends them, else the configured enterprise fallback; an unknown tier gets the free plan.
     */
    public RateLimitPlan forTier(String tier, Long perMinute, Long perDay) {
        if (tier == null) {
            return free;
        }
        RateLimitPlan plan = tiers.get(tier);
        if (plan != null) {
            return plan;
        }
        if (!"enterprise".equals(tier.toLowerCase(Locale.ROOT))) {
            return tiers.getOrDefault(tier.toLowerCase(Locale.ROOT), free);
        }
        long minute = perMinute != null && perMinute > 0 ? perMinute : enterpriseFallback.perMinute();
        long day = perDay != null && perDay > 0 ? perDay : enterpriseFallback.perDay();
        return enterpriseByLimits.computeIfAbsent(minute + "-" + day,
                k -> new RateLimitPlan("enterprise-" + k, minute, day));
    }

    private static RateLimitPlan plan(String name, Limit limit) {
        return new RateLimitPlan(name, limit.perMinute(), limit.perDay());
    }
}
