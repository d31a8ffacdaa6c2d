package dev.crow.gateway.observability;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.webflux.autoconfigure.WebHttpHandlerBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The gateway records its own request metrics ({@link GatewayMetrics}, from {@link ObservabilityFilter}),
 * so the framework's per-request server observation, which would measure the same thing a second time
 * at a higher cost per request, is switched off for the public port.
 */
@Configuration(proxyBeanMethods = false)
class ObservabilityConfiguration {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebHttpHandlerBuilderCustomizer noServerObservations() {
        return builder -> builder.observationRegistry(ObservationRegistry.NOOP);
    }
}
