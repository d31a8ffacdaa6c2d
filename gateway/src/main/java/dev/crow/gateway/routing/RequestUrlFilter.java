package dev.crow.gateway.routing;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.RouteToRequestUrlFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;

/**
 * The service URL of a request: the route's scheme, host and port with the request's path and query,
 * both exactly as the client encoded them. Replaces Spring Cloud Gateway's {@link RouteToRequestUrlFilter}
 * (disabled in application.yml), which rebuilds the URL through a URI builder and a regular expression
 * per request to support load-balanced and prefixed route schemes that CROW's plain HTTP routes never use.
 */
@Component
class RequestUrlFilter implements GlobalFilter, Ordered {

    private final Map<URI, String> origins = new ConcurrentHashMap<>();

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return chain.filter(exchange);
        }
        URI request = exchange.getRequest().getURI();
        String origin = origins.computeIfAbsent(route.getUri(), RequestUrlFilter::origin);
        String path = request.getRawPath();
        String query = request.getRawQuery();
        StringBuilder url = new StringBuilder(origin.length() + path.length() + (query != null ? query.length() + 1 : 0));
        url.append(origin).append(path);
        if (query != null) {
            url.append('?').append(query);
        }
        exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, URI.create(url.toString()));
        return chain.filter(exchange);
    }

    private static String origin(URI routeUri) {
        if (routeUri.getScheme() == null || routeUri.getRawAuthority() == null) {
            throw new IllegalStateException("route URI must be absolute: " + routeUri);
        }
        return routeUri.getScheme() + "://" + routeUri.getRawAuthority();
    }
}
