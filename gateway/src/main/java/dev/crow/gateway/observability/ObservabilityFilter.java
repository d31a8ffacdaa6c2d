package dev.crow.gateway.observability;

import java.util.function.Function;

import dev.crow.gateway.EdgeStage;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.server.WebFilterChain;

/**
 * The outermost filter: gives every request its id, turns failures into platform error bodies
 * before the request is accounted (so the access log and metrics see the status the client got),
 * then writes the access log line and records the request's latency.
 */
@Component
class ObservabilityFilter implements EdgeStage {

    static final String REQUEST_ID_HEADER = "X-Request-Id";

    private final WebExceptionHandler errors;
    private final GatewayMetrics metrics;
    private final ManagementPort managementPort;
    private final AccessLog accessLog = new AccessLog();

    ObservabilityFilter(@Qualifier("gatewayExceptionHandler") WebExceptionHandler errors, GatewayMetrics metrics,
            ManagementPort managementPort) {
        this.errors = errors;
        this.metrics = metrics;
        this.managementPort = managementPort;
    }


    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (managementPort.owns(exchange)) {
            return chain.filter(exchange);
        }
        ServerHttpRequest request = exchange.getRequest();
        String requestId = RequestIds.acceptOrGenerate(request.getHeaders().getFirst(REQUEST_ID_HEADER));
        RequestContext context = new RequestContext(requestId, System.nanoTime());
        exchange.getAttributes().put(RequestContext.ATTRIBUTE, context);
        exchange.getResponse().getHeaders().set(REQUEST_ID_HEADER, requestId);
        return chain.filter(exchange)
                .onErrorResume(failure -> errors.handle(exchange, failure))
                .doFinally(signal -> complete(exchange, context, signal))
                // Operators inside look the subscriber context up often; the search ends here instead of
                // walking through the framework's operators below.
                .contextWrite(Function.identity());
    }

    private void complete(ServerWebExchange exchange, RequestContext context, SignalType signal) {
        long nanos = System.nanoTime() - context.startNanos();
        HttpStatusCode statusCode = exchange.getResponse().getStatusCode();
        int status = statusCode != null ? statusCode.value() : 200;
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        String routeId = route != null ? route.getId() : context.routeId();
        metrics.recordRequest(routeId, status, context.principalKind(), nanos);
        if (accessLog.enabled()) {
            ServerHttpRequest request = exchange.getRequest();
            accessLog.write(context, routeId, request.getMethod().name(), request.getPath().value(), status, nanos,
                    signal == SignalType.CANCEL);
        }
    }
}
