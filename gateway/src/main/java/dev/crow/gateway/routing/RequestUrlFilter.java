package dev.crow.gateway.routing;

import java.net.URI;

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
 * The service URL of a request — the route's scheme, host and port with the request's path and query
 * exactly as the client encoded them — for the requests Spring Cloud Gateway's own routing filters
 * forward (WebSocket upgrades). Plain HTTP requests never need it: {@link ProxyFilter} forwards them
 * from the route and the request directly, so no URL is parsed for them. Replaces
 * {@link RouteToRequestUrlFilter} (disabled in application.yml), which rebuilds the URL through a URI
 * builder and a regular expression per request to support load-balanced and prefixed route schemes
 * that CROW's plain HTTP routes never use.
 */
@Component
class RequestUrlFilter implements GlobalFilter, Ordered {

    @Override
    public int getOrder() {
        return RouteToRequestUrlFilter.ROUTE_TO_URL_FILTER_ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        if (route != null && !ProxyFilter.forwards(exchange, route)) {
            exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, serviceUrl(route.getUri(), exchange));
        }
        return chain.filter(exchange);
    }

    static URI serviceUrl(URI routeUri, ServerWebExchange exchange) {
        if (routeUri.getScheme() == null || routeUri.getRawAuthority() == null) {
            throw new IllegalStateException("route URI must be absolute: " + routeUri);
        }
        URI request = exchange.getRequest().getURI();
        String query = request.getRawQuery();
        return URI.create(routeUri.getScheme() + "://" + routeUri.getRawAuthority() + request.getRawPath()
                + (query != null ? "?" + query : ""));
    }
}
