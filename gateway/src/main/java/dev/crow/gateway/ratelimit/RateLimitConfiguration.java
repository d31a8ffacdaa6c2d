package dev.crow.gateway.ratelimit;

import java.time.Clock;

import dev.crow.gateway.GatewayProperties;
import dev.crow.gateway.GatewayProperties.RateLimits;
import dev.crow.gateway.GatewayProperties.Store;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

/** Chooses where buckets live ({@code crow.gateway.rate-limits.store=memory|redis}). */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    RateLimitPlans rateLimitPlans(GatewayProperties properties) {
        return new RateLimitPlans(properties);
    }

    @Bean
    RateLimiter rateLimiter(GatewayProperties properties, ObjectProvider<Clock> clock, MeterRegistry registry) {
        RateLimits settings = properties.rateLimits();
        Clock time = clock.getIfUnique(Clock::systemUTC);
        LocalRateLimiter local = new LocalRateLimiter(time, settings.maxBuckets(), settings.bucketIdleExpiry());
        Gauge.builder("crow.gateway.ratelimit.local.buckets", local, LocalRateLimiter::size)
                .description("Rate-limit buckets held in this node's memory")
                .register(registry);
        if (settings.store() == Store.MEMORY) {
            return local;
        }
        if (!StringUtils.hasText(properties.redisUrl())) {
            throw new IllegalStateException(
                    "crow.gateway.rate-limits.store=redis needs crow.gateway.redis-url (redis://host:port)");
        }
        return new RedisRateLimiter(properties.redisUrl(), settings, local, time, registry);
    }
}
