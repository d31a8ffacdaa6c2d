package dev.crow.gateway.routing;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBuffer;
import org.springframework.core.io.buffer.NettyDataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

/**
 * Forwards plain HTTP requests (streamed responses included) to the service, in place of Spring Cloud
 * Gateway's {@link NettyRoutingFilter}, and ends the filter chain. It does the same work — same pooled
 * client, same response-timeout property, same attributes for the stock response writer, which streams
 * {@code text/event-stream} event by event — but keeps headers in Netty's own type on both legs instead
 * of passing them through Spring's header maps and the generic headers-filter chain, gives the client a
 * path rather than a URL to parse, and times the wait for headers on the request's own event loop.
 * WebSocket upgrades are left to Spring Cloud Gateway's WebSocket routing filter.
 */
@Component
class ProxyFilter implements GlobalFilter, Ordered {

    static final int ORDER = NettyRoutingFilter.ORDER - 2;

    private final HttpClient httpClient;
    private final UpstreamHeaders upstreamHeaders;
    private final Duration responseTimeout;
    private final Map<URI, Service> services = new ConcurrentHashMap<>();

    ProxyFilter(HttpClient httpClient, UpstreamHeaders upstreamHeaders, HttpClientProperties properties) {
        // The connect timeout and pool come with the client (spring.cloud.gateway.server.webflux.httpclient.*).
        this.httpClient = httpClient;
        this.upstreamHeaders = upstreamHeaders;
        this.responseTimeout = properties.getResponseTimeout();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Route route = exchange.getAttribute(GATEWAY_ROUTE_ATTR);
        AccessRule rule = AccessRule.of(exchange);
        if (route == null || rule == null || !forwards(exchange, route)) {
            return chain.filter(exchange);
        }
        setAlreadyRouted(exchange);
        ServerHttpRequest request = exchange.getRequest();
        io.netty.handler.codec.http.HttpHeaders headers = upstreamHeaders.forUpstream(exchange, rule);
        URI requestUri = request.getURI();
        String rawQuery = requestUri.getRawQuery();
        String pathAndQuery = rawQuery == null ? requestUri.getRawPath() : requestUri.getRawPath() + '?' + rawQuery;
        // The headers are set on the request itself, not through a per-request copy of the client's
        // configuration: Reactor Netty keeps the Host it derived from the service's address, and its choice
        // of chunked framing for a body without a length is kept too.
        Flux<HttpClientResponse> response = senderFor(route.getUri(), request.getMethod().name())
                .uri(pathAndQuery)
                .send((upstream, body) -> {
                    String framing = upstream.requestHeaders().get(HttpHeaderNames.TRANSFER_ENCODING);
                    upstream.headers(headers);
                    if (framing != null && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                        upstream.requestHeaders().set(HttpHeaderNames.TRANSFER_ENCODING, framing);
                    }
                    return body.send(request.getBody().map(ProxyFilter::byteBuf));
                })
                .responseConnection((answer, connection) -> {
                    answered(exchange, answer, connection);
                    return Mono.just(answer);
                });
        if (responseTimeout != null) {
            response = response.timeout(headersDeadline(request), answer -> Mono.never(), Mono.error(
                    () -> new TimeoutException("no response headers within " + responseTimeout.toMillis() + " ms")));
        }
        // Everything inside the client asks for the subscriber context many times; stopping the search
        // here spares each ask a walk up the whole server-side operator chain. The request is routed, so
        // the chain ends here: the response writer (NettyWriteResponseFilter) wraps this filter.
        return response.contextWrite(Function.identity()).then();
    }

    /**
     * True for the requests this filter forwards: plain HTTP to an {@code http}/{@code https} route, not yet
     * routed. WebSocket upgrades go to Spring Cloud Gateway's WebSocket routing filter.
     */
    static boolean forwards(ServerWebExchange exchange, Route route) {
        String scheme = route.getUri().getScheme();
        return ("http".equals(scheme) || "https".equals(scheme)) && !isAlreadyRouted(exchange)
                && !isWebSocketUpgrade(exchange.getRequest());
    }

    /** Fires when the service has not answered with headers in time, timed on the request's own event loop. */
    private Mono<Long> headersDeadline(ServerHttpRequest request) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        if (nativeRequest instanceof Connection connection) {
            return new EventLoopTimer(connection.channel().eventLoop(), responseTimeout.toMillis());
        }
        return Mono.delay(responseTimeout);
    }

    /** The request sender for one service and method; prepared once per service for the standard methods. */
    private HttpClient.RequestSender senderFor(URI service, String method) {
        Service upstream = services.computeIfAbsent(service, key -> new Service(clientFor(key)));
        HttpClient.RequestSender sender = upstream.senders().get(method);
        return sender != null ? sender : upstream.client().request(HttpMethod.valueOf(method));
    }

    /**
     * The client bound to one service's address. Given a path rather than an absolute URL, Reactor Netty
     * skips parsing the URL with a regular expression on every request.
     */
    private HttpClient clientFor(URI service) {
        boolean secure = "https".equals(service.getScheme());
        int port = service.getPort() >= 0 ? service.getPort() : secure ? 443 : 80;
        HttpClient client = httpClient
                .remoteAddress(() -> InetSocketAddress.createUnresolved(service.getHost(), port));
        // The scheme of a path-only request comes from the client: TLS exactly for https services.
        if (!secure) {
            return client.noSSL();
        }
        return client.configuration().sslProvider() != null ? client : client.secure();
    }

    /** A service's client and its senders for the standard methods (others are built per request, not kept). */
    private record Service(HttpClient client, Map<String, HttpClient.RequestSender> senders) {

        Service(HttpClient client) {
            this(client, Arrays.stream(org.springframework.http.HttpMethod.values())
                    .map(org.springframework.http.HttpMethod::name)
                    .collect(Collectors.toUnmodifiableMap(name -> name, name -> client.request(HttpMethod.valueOf(name)))));
        }
    }

    /** Status and headers of the service's answer; the stock response writer streams its body. */
    private static void answered(ServerWebExchange exchange, HttpClientResponse answer, Connection connection) {
        exchange.getAttributes().put(CLIENT_RESPONSE_ATTR, answer);
        exchange.getAttributes().put(CLIENT_RESPONSE_CONN_ATTR, connection);
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(answer.status().code()));
        io.netty.handler.codec.http.HttpHeaders source = answer.responseHeaders();
        HttpHeaders target = response.getHeaders();
        List<String> connectionOptions = source.contains(HttpHeaders.CONNECTION)
                ? UpstreamHeaders.connectionOptions(source.getAll(HttpHeaders.CONNECTION)) : List.of();
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = source.iteratorCharSequence(); it.hasNext();) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            String name = header.getKey().toString();
            if (!SpoofableHeaders.isHopByHop(name) && !UpstreamResponseHeadersFilter.isOwnedByGateway(name)
                    && !UpstreamHeaders.isListedIn(connectionOptions, name)) {
                target.add(name, header.getValue().toString());
            }
        }
        String contentType = source.get(HttpHeaderNames.CONTENT_TYPE);
        if (contentType != null) {
            exchange.getAttributes().put(ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR, contentType);
        }
    }

    private static boolean isWebSocketUpgrade(ServerHttpRequest request) {
        String upgrade = request.getHeaders().getFirst(HttpHeaders.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    private static ByteBuf byteBuf(DataBuffer buffer) {
        if (buffer instanceof NettyDataBuffer netty) {
            return netty.getNativeBuffer();
        }
        if (buffer instanceof DefaultDataBuffer heap) {
            return Unpooled.wrappedBuffer(heap.getNativeBuffer());
        }
        throw new IllegalArgumentException("Unknown buffer type " + buffer.getClass());
    }
}
