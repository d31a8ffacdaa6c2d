package dev.crow.gateway;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * One step of what the gateway does to every request before routing — observability, CORS, the edge
 * decision — shaped like a {@code WebFilter}. The steps run in their order inside one WebFlux filter,
 * {@link EdgeStages}, rather than as WebFlux filters of their own.
 */
public interface EdgeStage extends Ordered {

    /** Handles the request, passing it on to {@code next} to continue. */
    Mono<Void> filter(ServerWebExchange exchange, WebFilterChain next);
}
