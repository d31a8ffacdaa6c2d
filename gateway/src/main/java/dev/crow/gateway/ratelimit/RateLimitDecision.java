package dev.crow.gateway.ratelimit;

import org.springframework.http.HttpHeaders;

/**
 * The outcome of taking one token: allowed or not, and what the client is told about the window
 * that binds (the one with fewer requests left).
 */
public record RateLimitDecision(
        RateLimitPlan plan, boolean allowed, String limit, long remaining, long resetEpochSecond,
        long retryAfterSeconds) {

    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    public static final String POLICY = "RateLimit-Policy";
    public static final String RETRY_AFTER = "Retry-After";

    /**
     * Computes the decision from the tokens left in each window after the attempt. The binding window
     * is the one with fewer tokens; when both are empty it is the one that refills last, because only
     * then can the client succeed again.
     */
    static RateLimitDecision of(RateLimitPlan plan, boolean allowed, long[] tokensPerWindow, long nowMillis) {
        long minuteLeft = Math.max(0, tokensPerWindow[RateLimitPlan.MINUTE]);
        long dayLeft = Math.max(0, tokensPerWindow[RateLimitPlan.DAY]);
        long minuteReset = (nowMillis / RateLimitPlan.MINUTE_MILLIS + 1) * RateLimitPlan.MINUTE_MILLIS;
        long dayReset = (nowMillis / RateLimitPlan.DAY_MILLIS + 1) * RateLimitPlan.DAY_MILLIS;
        boolean dayBinds = dayLeft < minuteLeft || (dayLeft == 0 && minuteLeft == 0);
        int window = dayBinds ? RateLimitPlan.DAY : RateLimitPlan.MINUTE;
        long remaining = dayBinds ? dayLeft : minuteLeft;
        long resetMillis = dayBinds ? dayReset : minuteReset;
        long retryAfter = allowed ? 0 : Math.max(1, (resetMillis - nowMillis + 999) / 1000);
        return new RateLimitDecision(plan, allowed, plan.limitText(window), remaining, resetMillis / 1000, retryAfter);
    }

    public void writeHeaders(HttpHeaders headers) {
        headers.set(LIMIT, limit);
        headers.set(REMAINING, Long.toString(remaining));
        headers.set(RESET, Long.toString(resetEpochSecond));
        headers.set(POLICY, plan.policyHeader());
        if (!allowed) {
            headers.set(RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
    }
}
