package dev.crow.gateway.routing;

import org.springframework.web.server.ServerWebExchange;

/** The access of a request together with the route it belongs to; one shared instance per combination. */
record AccessRule(String routeId, RouteAccess access) {

    private static final String ATTRIBUTE = AccessRule.class.getName();

    static AccessRule of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    void attachTo(ServerWebExchange exchange) {
        exchange.getAttributes().put(ATTRIBUTE, this);
    }

    boolean isMcp() {
        return "mcp".equals(routeId);
    }
}
