package dev.crow.gateway.routing;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.util.concurrent.ScheduledFuture;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;

import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
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
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.ORIGINAL_RESPONSE_CONTENT_TYPE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.isAlreadyRouted;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.setAlreadyRouted;

/**
 * Forwards plain HTTP requests (streamed responses included) to the service, in place of Spring Cloud
 * Gateway's {@link NettyRoutingFilter}, which then sees the exchange as routed and steps aside. It
 * does the same work — same pooled client, same response-timeout property, same attributes for the
 * stock response writer, which streams {@code text/event-stream} event by event — but keeps headers in
 * Netty's own type on both legs instead of passing them through Spring's header maps and the generic
 * headers-filter chain, which dominated the gateway's per-request cost. WebSocket upgrades are left to
 * Spring Cloud Gateway's WebSocket routing filter.
 */
@Component
class ProxyFilter implements GlobalFilter, Ordered {

    static final int ORDER = NettyRoutingFilter.ORDER - 2;

    private final HttpClient httpClient;
    private final UpstreamHeaders upstreamHeaders;
    private final Duration responseTimeout;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();

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
        URI requestUrl = exchange.getAttribute(GATEWAY_REQUEST_URL_ATTR);
        AccessRule rule = AccessRule.of(exchange);
        ServerHttpRequest request = exchange.getRequest();
        if (requestUrl == null || rule == null || isAlreadyRouted(exchange) || !isHttp(requestUrl.getScheme())
                || isWebSocketUpgrade(request)) {
            return chain.filter(exchange);
        }
        setAlreadyRouted(exchange);
        io.netty.handler.codec.http.HttpHeaders headers = upstreamHeaders.forUpstream(exchange, rule);
        String rawQuery = requestUrl.getRawQuery();
        String pathAndQuery = rawQuery == null ? requestUrl.getRawPath() : requestUrl.getRawPath() + '?' + rawQuery;
        Flux<HttpClientResponse> response = clientFor(requestUrl)
                .headers(outgoing -> outgoing.add(headers).remove(HttpHeaderNames.HOST))
                .request(HttpMethod.valueOf(request.getMethod().name()))
                .uri(pathAndQuery)
                .send((upstream, body) -> body.send(request.getBody().map(ProxyFilter::byteBuf)))
                .responseConnection((answer, connection) -> {
                    answered(exchange, answer, connection);
                    return Mono.just(answer);
                });
        if (responseTimeout != null) {
            response = response.timeout(headersDeadline(request), answer -> Mono.never(), Mono.error(
                    () -> new TimeoutException("no response headers within " + responseTimeout.toMillis() + " ms")));
        }
        return response.then(chain.filter(exchange));
    }

    /**
     * Fires when the service has not answered with headers in time. It is a timer of the request's own
     * event loop: a plain {@code timeout(Duration)} would schedule (and cancel) a task on a shared
     * scheduler thread for every request, a lock and a thread hop each time.
     */
    private Mono<Long> headersDeadline(ServerHttpRequest request) {
        Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
        if (!(nativeRequest instanceof Connection connection)) {
            return Mono.delay(responseTimeout);
        }
        EventLoop loop = connection.channel().eventLoop();
        return Mono.create(deadline -> {
            ScheduledFuture<?> timer = loop.schedule(() -> deadline.success(0L), responseTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            deadline.onCancel(() -> timer.cancel(false));
        });
    }

    /**
     * The client bound to one service's address. Given a path rather than an absolute URL, Reactor Netty
     * skips parsing the URL with a regular expression on every request.
     */
    private HttpClient clientFor(URI requestUrl) {
        String origin = requestUrl.getScheme() + "://" + requestUrl.getRawAuthority();
        return clients.computeIfAbsent(origin, key -> {
            boolean secure = "https".equals(requestUrl.getScheme());
            int port = requestUrl.getPort() >= 0 ? requestUrl.getPort() : secure ? 443 : 80;
            HttpClient client = httpClient
                    .remoteAddress(() -> InetSocketAddress.createUnresolved(requestUrl.getHost(), port));
            // The scheme of a path-only request comes from the client: TLS exactly for https services.
            if (!secure) {
                return client.noSSL();
            }
            return client.configuration().sslProvider() != null ? client : client.secure();
        });
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

    private static boolean isHttp(String scheme) {
        return "http".equals(scheme) || "https".equals(scheme);
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
