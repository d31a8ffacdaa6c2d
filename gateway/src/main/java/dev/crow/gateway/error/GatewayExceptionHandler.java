package dev.crow.gateway.error;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.TimeoutException;

import dev.crow.gateway.observability.GatewayMetrics;
import dev.crow.gateway.observability.RequestContext;
import io.netty.channel.ConnectTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;

import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Maps every failure to the platform error body: the gateway's own refusals, framework statuses
 * (no route → 404), and upstream failures (service not running → 503, connection dropped → 502).
 * Runs ahead of Spring Boot's default handler so no whitelabel or stack trace ever leaves.
 */
@Component("gatewayExceptionHandler")
@Order(-2)
class GatewayExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayExceptionHandler.class);

    private final GatewayMetrics metrics;

    GatewayExceptionHandler(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted()) {
            // Headers are gone: the only honest thing left is to let the connection fail.
            return Mono.error(failure);
        }
        if (failure instanceof GatewayException refusal) {
            return ErrorResponses.write(exchange, refusal.code(), refusal.getMessage());
        }
        if (failure instanceof ResponseStatusException status) {
            return writeStatus(exchange, status);
        }
        String upstreamKind = upstreamFailureKind(failure);
        if (upstreamKind != null) {
            metrics.upstreamError(routeId(exchange), upstreamKind);
            if (log.isDebugEnabled()) {
                log.debug("Upstream {} failed ({}) for request {}", routeId(exchange), failure.toString(),
                        RequestContext.requestIdOf(exchange));
            }
            return "closed".equals(upstreamKind)
                    ? ErrorResponses.write(exchange, ErrorCode.BAD_GATEWAY, "Upstream service closed the connection")
                    : ErrorResponses.write(exchange, ErrorCode.UPSTREAM_UNAVAILABLE, "Service unavailable");
        }
        log.error("Unexpected failure for request {}", RequestContext.requestIdOf(exchange), failure);
        return ErrorResponses.write(exchange, ErrorCode.INTERNAL_ERROR, "Internal error");
    }

    private Mono<Void> writeStatus(ServerWebExchange exchange, ResponseStatusException failure) {
        int status = failure.getStatusCode().value();
        if (status == HttpStatus.GATEWAY_TIMEOUT.value()) {
            // Spring Cloud Gateway reports a response timeout this way.
            metrics.upstreamError(routeId(exchange), "timeout");
            return ErrorResponses.write(exchange, ErrorCode.UPSTREAM_UNAVAILABLE, "Upstream service timed out");
        }
        return switch (status) {
            case 404 -> ErrorResponses.write(exchange, ErrorCode.NOT_FOUND, "Not found");
            case 405 -> ErrorResponses.write(exchange, ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed");
            case 413 -> ErrorResponses.write(exchange, ErrorCode.PAYLOAD_TOO_LARGE, "Payload too large");
            case 502, 503 -> ErrorResponses.write(exchange, ErrorCode.UPSTREAM_UNAVAILABLE, "Service unavailable");
            default -> status >= 500
                    ? ErrorResponses.write(exchange, ErrorCode.INTERNAL_ERROR, "Internal error")
                    : ErrorResponses.write(exchange, ErrorCode.VALIDATION_ERROR, "Invalid request parameters");
        };
    }

    /** {@code connect}, {@code timeout} or {@code closed} for a failure talking to a service, else null. */
    static String upstreamFailureKind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ConnectTimeoutException
                    || t instanceof UnknownHostException) {
                return "connect";
            }
            if (t instanceof TimeoutException) {
                return "timeout";
            }
            if (t instanceof PrematureCloseException || t instanceof ClosedChannelException
                    || t instanceof IOException) {
                return "closed";
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String routeId(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route != null) {
            return route.getId();
        }
        RequestContext context = RequestContext.of(exchange);
        return context != null ? context.routeId() : "none";
    }
}
