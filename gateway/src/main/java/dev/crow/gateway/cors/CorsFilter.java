package dev.crow.gateway.cors;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.crow.gateway.EdgeStage;
import dev.crow.gateway.GatewayProperties;
import dev.crow.gateway.error.ErrorCode;
import dev.crow.gateway.error.ErrorResponses;
import dev.crow.gateway.observability.ManagementPort;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;

/**
 * CORS for the dashboards in {@code crow.gateway.cors.allowed-origins}: their preflights are answered
 * here (before authentication, which a preflight never carries) and their requests get
 * {@code Access-Control-Allow-Origin} with credentials. Any other origin gets no CORS header at all,
 * so browsers keep its scripts from reading answers; its preflights are refused.
 */
@Component
class CorsFilter implements EdgeStage {

    private static final String INGESTION_PATH = "/api/v1/interactions";
    private static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final String DEFAULT_ALLOWED_HEADERS = "Authorization, Content-Type, X-API-Key, ApiKey, "
            + "X-Request-Id, Mcp-Session-Id, MCP-Protocol-Version, A2A-Version";
    private static final String EXPOSED_HEADERS = "X-Request-Id, X-RateLimit-Limit, X-RateLimit-Remaining, "
            + "X-RateLimit-Reset, RateLimit-Policy, Retry-After, set-auth-token, Mcp-Session-Id";

    private final Set<String> allowedOrigins;
    private final String maxAge;
    private final ManagementPort managementPort;

    CorsFilter(GatewayProperties properties, ManagementPort managementPort) {
        this.managementPort = managementPort;
        this.allowedOrigins = properties.cors().allowedOrigins().stream()
                .map(CorsFilter::normalize)
                .collect(Collectors.toUnmodifiableSet());
        this.maxAge = Long.toString(properties.cors().maxAge().toSeconds());
    }


    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String origin = request.getHeaders().getOrigin();
        if (origin == null || managementPort.owns(exchange)) {
            return chain.filter(exchange);
        }
        boolean preflight = request.getMethod() == HttpMethod.OPTIONS
                && request.getHeaders().containsHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        if (isIngestion(request)) {
            return ingestionCors(exchange, chain, origin, preflight);
        }
        boolean allowed = allowedOrigins.contains(origin.toLowerCase(Locale.ROOT));
        if (!allowed) {
            return preflight
                    ? ErrorResponses.write(exchange, ErrorCode.FORBIDDEN, "Origin not allowed")
                    : chain.filter(exchange);
        }
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (!preflight) {
            headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
            return chain.filter(exchange);
        }
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, allowedHeaders(request));
        headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge);
        response.setStatusCode(HttpStatus.NO_CONTENT);
        return response.setComplete();
    }

    /**
     * The browser tracker posts interactions from customers' own sites, any origin, with a
     * write-only API key in a header and never with cookies: those requests may be read cross-origin
     * without credentials, and nothing else about the API is opened by it.
     */
    private static boolean isIngestion(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        boolean post = method == HttpMethod.POST || (method == HttpMethod.OPTIONS
                && HttpMethod.POST.name().equals(request.getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD)));
        return post && INGESTION_PATH.equals(request.getPath().value());
    }

    private Mono<Void> ingestionCors(ServerWebExchange exchange, WebFilterChain chain, String origin, boolean preflight) {
        ServerHttpResponse response = exchange.getResponse();
        HttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        headers.add(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        if (!preflight) {
            headers.set(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
            return chain.filter(exchange);
        }
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS");
        headers.set(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type, X-API-Key");
        headers.set(HttpHeaders.ACCESS_CONTROL_MAX_AGE, maxAge);
        response.setStatusCode(HttpStatus.NO_CONTENT);
        return response.setComplete();
    }

    /** Echoes the headers a dashboard asks for when they are plain header names, else the default list. */
    private static String allowedHeaders(ServerHttpRequest request) {
        String requested = request.getHeaders().getFirst(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        if (requested == null || requested.isBlank() || requested.length() > 1024) {
            return DEFAULT_ALLOWED_HEADERS;
        }
        for (int i = 0; i < requested.length(); i++) {
            char c = requested.charAt(i);
            boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_' || c == ',' || c == ' ';
            if (!token) {
                return DEFAULT_ALLOWED_HEADERS;
            }
        }
        return requested;
    }

    private static String normalize(String origin) {
        String value = origin.trim();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
