package dev.crow.gateway;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The gateway's one WebFlux filter: runs the {@link EdgeStage}s in their order, then the rest of
 * WebFlux (routing). WebFlux wraps each of its filters' results in a checkpoint operator named after the
 * filter, built per request (a string, a snapshot and two operators each); one filter instead of three
 * builds it once.
 */
@Component
class EdgeStages implements WebFilter, Ordered {

    private final EdgeStage[] stages;

    EdgeStages(List<EdgeStage> stages) {
        this.stages = stages.stream().sorted(AnnotationAwareOrderComparator.INSTANCE).toArray(EdgeStage[]::new);
    }

    /** WebFlux names every filter's result with this, per request: a constant costs nothing. */
    @Override
    public String toString() {
        return "EdgeStages";
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return next(0, exchange, chain);
    }

    private Mono<Void> next(int index, ServerWebExchange exchange, WebFilterChain chain) {
        if (index == stages.length) {
            return chain.filter(exchange);
        }
        return stages[index].filter(exchange, forwarded -> next(index + 1, forwarded, chain));
    }

    /** The stages, in the order they run. */
    List<EdgeStage> stages() {
        return List.of(stages);
    }
}
