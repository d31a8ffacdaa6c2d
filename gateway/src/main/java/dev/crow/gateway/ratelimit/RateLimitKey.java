package dev.crow.gateway.ratelimit;

import java.nio.charset.StandardCharsets;

/**
 * One bucket: a plan and whose budget it is. The plan is part of the id, so a tier change starts
 * a bucket of the new size instead of reshaping the old one on every node.
 */
public final class RateLimitKey {

    private final RateLimitPlan plan;
    private final String id;
    private volatile byte[] redisKey;

    RateLimitKey(RateLimitPlan plan, String id) {
        this.plan = plan;
        this.id = id;
    }

    public RateLimitPlan plan() {
        return plan;
    }

    public String id() {
        return id;
    }

    byte[] redisKey(String prefix) {
        byte[] key = redisKey;
        if (key == null) {
            key = (prefix + id).getBytes(StandardCharsets.UTF_8);
            redisKey = key;
        }
        return key;
    }

    @Override
    public String toString() {
        return id;
    }
}
