package dev.crow.gateway.routing;

import java.util.Map;

import dev.crow.gateway.observability.ManagementPort;
import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's route mapping with two changes.
 * <p>
 * The management server's child context consults this mapping too; the stock class recognizes the
 * management server only by its configured port number, which fails for a random port
 * ({@code management.server.port=0}), so this one asks the running server.
 * <p>
 * The stock lookup tests every route's predicates in turn through a reactive filter (a few objects
 * and a queue per route, per request). The edge filter already knows the request's route from its
 * path ({@link AccessRule}), so that route is tested first and alone; the full scan remains for
 * anything else.
 */
class ManagementAwareHandlerMapping extends RoutePredicateHandlerMapping
        implements ApplicationListener<RefreshRoutesResultEvent> {

    private final ManagementPort managementPort;
    private final RouteLocator routeLocator;
    private volatile Map<String, Route> routesById;

    ManagementAwareHandlerMapping(FilteringWebHandler webHandler, RouteLocator routeLocator,
            GlobalCorsProperties globalCorsProperties, Environment environment, ManagementPort managementPort) {
        super(webHandler, routeLocator, globalCorsProperties, environment);
        this.managementPort = managementPort;
        this.routeLocator = routeLocator;
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
        return super.getHandlerInternal(exchange);
    }

    @Override
    protected Mono<Route> lookupRoute(ServerWebExchange exchange) {
        Map<String, Route> routes = routesById;
        AccessRule rule = AccessRule.of(exchange);
        Route route = routes != null && rule != null ? routes.get(rule.routeId()) : null;
        if (route == null) {
            return super.lookupRoute(exchange);
        }
        exchange.getAttributes().put(ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR, route.getId());
        return Mono.from(route.getPredicate().apply(exchange))
                .flatMap(matches -> matches ? Mono.just(route) : super.lookupRoute(exchange));
    }
}
