package dev.crow.gateway.ratelimit;

import reactor.core.publisher.Mono;

/** Takes tokens from buckets: in this node's memory, or shared by all nodes in Redis. */
public interface RateLimiter {

    /** Takes one token from the key's bucket. */
    Mono<RateLimitDecision> consume(RateLimitKey key);

    /** Reports the key's bucket without taking a token (for answers that should not cost the client). */
    Mono<RateLimitDecision> peek(RateLimitKey key);
}
