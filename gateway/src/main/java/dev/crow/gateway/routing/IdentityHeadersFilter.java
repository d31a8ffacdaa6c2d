package dev.crow.gateway.routing;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * {@link UpstreamHeaders} for the requests Spring Cloud Gateway forwards itself — WebSocket upgrades
 * (its WebSocket routing filter reads the headers filters) — so a camera's handshake reaches cctv-service
 * with the internal JWT and without the client's credential, exactly like a proxied HTTP request. This
 * also replaces the stock hop-by-hop and forwarded-header filters ({@link StockHeaderFilters}).
 */
@Component
class IdentityHeadersFilter implements HttpHeadersFilter, Ordered {

    private final UpstreamHeaders upstreamHeaders;

    IdentityHeadersFilter(UpstreamHeaders upstreamHeaders) {
        this.upstreamHeaders = upstreamHeaders;
    }

    @Override
    public int getOrder() {
        return 100;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        AccessRule rule = AccessRule.of(exchange);
        if (rule == null) {
            throw new IllegalStateException("request reached routing without passing the edge filter");
        }
        return upstreamHeaders.forUpstream(input, exchange, rule);
    }
}
