package dev.crow.gateway.routing;

import java.util.Map;
import java.util.concurrent.Callable;

import dev.crow.gateway.observability.ManagementPort;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_HANDLER_MAPPER_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * Spring Cloud Gateway's route mapping with two changes.
 * <p>
 * The management server's child context consults this mapping too; the stock class recognizes the
 * management server only by its configured port number, which fails for a random port
 * ({@code management.server.port=0}), so this one asks the running server.
 * <p>
 * The stock lookup tests every route's predicates in turn through a reactive filter (a few objects
 * and a queue per route, per request) inside a context-reading operator. The edge filter already knows
 * the request's route from its path ({@link AccessRule}), so that route's predicate is tested first and
 * alone — synchronously when, as for path predicates, its answer is already there; the stock lookup
 * remains for anything else.
 */
class ManagementAwareHandlerMapping extends RoutePredicateHandlerMapping
        implements ApplicationListener<RefreshRoutesResultEvent> {

    private final ManagementPort managementPort;
    private final RouteLocator routeLocator;
    private final Mono<Object> handler;
    private volatile Map<String, Route> routesById;

    ManagementAwareHandlerMapping(FilteringWebHandler webHandler, RouteLocator routeLocator,
            GlobalCorsProperties globalCorsProperties, Environment environment, ManagementPort managementPort) {
        super(webHandler, routeLocator, globalCorsProperties, environment);
        this.managementPort = managementPort;
        this.routeLocator = routeLocator;
        this.handler = Mono.just(webHandler);
    }

    @Override
    public void onApplicationEvent(RefreshRoutesResultEvent event) {
        if (event.isSuccess()) {
            routeLocator.getRoutes().collectMap(Route::getId).subscribe(routes -> this.routesById = routes);
        }
    }

    @Override
    protected Mono<?> getHandlerInternal(ServerWebExchange exchange) {
        if (managementPort.owns(exchange)) {
            return Mono.empty();
        }
        Route route = knownRoute(exchange);
        if (route == null) {
            return super.getHandlerInternal(exchange);
        }
        Publisher<Boolean> matches = route.getPredicate().apply(exchange);
        Boolean answer = immediate(matches);
        if (answer == null || !answer) {
            return super.getHandlerInternal(exchange);
        }
        exchange.getAttributes().put(GATEWAY_HANDLER_MAPPER_ATTR, getSimpleName());
        exchange.getAttributes().put(GATEWAY_ROUTE_ATTR, route);
        return handler;
    }

    @Override
    protected Mono<Route> lookupRoute(ServerWebExchange exchange) {
        Route route = knownRoute(exchange);
        if (route == null) {
            return super.lookupRoute(exchange);
        }
        exchange.getAttributes().put(GATEWAY_PREDICATE_ROUTE_ATTR, route.getId());
        return Mono.from(route.getPredicate().apply(exchange))
                .flatMap(matches -> matches ? Mono.just(route) : super.lookupRoute(exchange));
    }

    private Route knownRoute(ServerWebExchange exchange) {
        Map<String, Route> routes = routesById;
        AccessRule rule = AccessRule.of(exchange);
        return routes != null && rule != null ? routes.get(rule.routeId()) : null;
    }

    /** The value of a publisher that already has it (a {@code Mono.just}), else null. */
    @SuppressWarnings("unchecked")
    private static Boolean immediate(Publisher<Boolean> publisher) {
        if (publisher instanceof Callable<?> callable) {
            try {
                return ((Callable<Boolean>) callable).call();
            }
            catch (Exception notImmediate) {
                return null;
            }
        }
        return null;
    }
}
