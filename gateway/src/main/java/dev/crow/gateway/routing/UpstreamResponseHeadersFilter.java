package dev.crow.gateway.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Cleans a service's answer before the client sees it: hop-by-hop headers describe the gateway's
 * connection to the service, not the client's (this replaces Spring Cloud Gateway's hop-by-hop filter,
 * see {@link StockHeaderFilters}), and the headers the gateway owns — request id, rate-limit state,
 * CORS — are dropped so the client gets the gateway's single value rather than two. Works in place:
 * Spring Cloud Gateway hands this filter a fresh copy of the answer's headers.
 */
@Component
class UpstreamResponseHeadersFilter implements HttpHeadersFilter, Ordered {

    @Override
    public int getOrder() {
        return 100;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.RESPONSE;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        List<String> connectionOptions = UpstreamHeaders.connectionOptions(input.get(HttpHeaders.CONNECTION));
        List<String> dropped = null;
        for (Map.Entry<String, List<String>> header : input.headerSet()) {
            String name = header.getKey();
            if (SpoofableHeaders.isHopByHop(name) || isOwnedByGateway(name)
                    || UpstreamHeaders.isListedIn(connectionOptions, name)) {
                if (dropped == null) {
                    dropped = new ArrayList<>(4);
                }
                dropped.add(name);
            }
        }
        if (dropped != null) {
            for (String name : dropped) {
                input.remove(name);
            }
        }
        return input;
    }

    static boolean isOwnedByGateway(String name) {
        return name.equalsIgnoreCase("x-request-id")
                || name.regionMatches(true, 0, "x-ratelimit-", 0, 12)
                || name.regionMatches(true, 0, "ratelimit", 0, 9)
                || name.regionMatches(true, 0, "access-control-", 0, 15);
    }
}
