package dev.crow.gateway.observability;

import org.springframework.web.server.ServerWebExchange;

/**
 * What the gateway knows about one request as it passes through: its id, when it started, the
 * client's address and who the caller is. One object per request, created by {@link ObservabilityFilter}.
 */
public final class RequestContext {

    static final String ATTRIBUTE = RequestContext.class.getName();

    private final String requestId;
    private final long startNanos;
    private PrincipalKind principalKind = PrincipalKind.PUBLIC;
    private String clientIp;
    private String routeId = "none";

    RequestContext(String requestId, long startNanos) {
        this.requestId = requestId;
        this.startNanos = startNanos;
    }

    /** The context of an exchange; {@code null} only for requests that bypass the gateway's filters. */
    public static RequestContext of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }

    public static String requestIdOf(ServerWebExchange exchange) {
        RequestContext context = of(exchange);
        return context != null ? context.requestId : null;
    }

    public String requestId() {
        return requestId;
    }

    long startNanos() {
        return startNanos;
    }

    public PrincipalKind principalKind() {
        return principalKind;
    }

    public void principalKind(PrincipalKind kind) {
        this.principalKind = kind;
    }

    public String clientIp() {
        return clientIp;
    }

    public void clientIp(String clientIp) {
        this.clientIp = clientIp;
    }

    /** The route the request belongs to by its path, known before the gateway's route matching runs. */
    public String routeId() {
        return routeId;
    }

    public void routeId(String routeId) {
        this.routeId = routeId;
    }
}
