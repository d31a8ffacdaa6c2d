package dev.crow.gateway.routing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import dev.crow.gateway.auth.ClientAddresses;
import dev.crow.gateway.auth.CredentialExtractor;
import dev.crow.gateway.auth.ResolvedPrincipal;
import dev.crow.gateway.observability.RequestContext;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.util.AsciiString;
import reactor.netty.http.server.HttpServerRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * The headers a service receives (docs/platform-contracts.md, "What the gateway sends to services"),
 * built in one pass over the client's headers. Dropped: hop-by-hop headers, every header a client
 * could use to impersonate someone — identity, organization, service key, internal and forwarding
 * headers — and credentials, except on auth-service's own routes. Then the gateway's values are set:
 * the internal JWT and organization for protected routes, the request id and the client's address.
 * <p>
 * The client's headers are read straight from Reactor Netty's request and written into Netty's header
 * type, which is what the upstream client sends; Spring's case-insensitive header map would copy and
 * lower-case every name several times per request.
 */
@Component
class UpstreamHeaders {

    // Netty copies AsciiString names and values into the request in one go, Strings byte by byte.
    static final AsciiString AUTHORIZATION = AsciiString.cached("Authorization");
    static final AsciiString ORGANIZATION_ID = AsciiString.cached("X-Organization-Id");
    static final AsciiString API_KEY = AsciiString.cached(CredentialExtractor.API_KEY_HEADER);
    static final AsciiString REQUEST_ID = AsciiString.cached("X-Request-Id");
    static final AsciiString FORWARDED_FOR = AsciiString.cached("X-Forwarded-For");
    static final AsciiString REAL_IP = AsciiString.cached("X-Real-IP");
    static final AsciiString FORWARDED_PROTO = AsciiString.cached("X-Forwarded-Proto");
    static final AsciiString FORWARDED_HOST = AsciiString.cached("X-Forwarded-Host");
    /**
     * Names and values are not checked again on the way out: the client's were checked when Netty
     * decoded the request, and the principal's when it was cached ({@code PrincipalResolver}).
     */
    private static final DefaultHttpHeadersFactory UNVALIDATED = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);
    private static final AsciiString HTTP = AsciiString.cached("http");
    private static final AsciiString HTTPS = AsciiString.cached("https");
    private static final String EDGE_REQUEST = UpstreamHeaders.class.getName() + ".request";

    private final ClientAddresses clientAddresses;

    UpstreamHeaders(ClientAddresses clientAddresses) {
        this.clientAddresses = clientAddresses;
    }

    /** Remembers the request as the edge filter saw it, to know later whether a route filter replaced it. */
    static void rememberEdgeRequest(ServerWebExchange exchange) {
        exchange.getAttributes().put(EDGE_REQUEST, exchange.getRequest());
    }

    /** The upstream headers in Netty's type, for the gateway's own proxy filter. */
    io.netty.handler.codec.http.HttpHeaders forUpstream(ServerWebExchange exchange, AccessRule rule) {
        ServerHttpRequest request = exchange.getRequest();
        io.netty.handler.codec.http.HttpHeaders out = UNVALIDATED.newHeaders();
        Object nativeRequest = request == exchange.getAttribute(EDGE_REQUEST)
                ? ServerHttpRequestDecorator.getNativeRequest(request) : null;
        if (nativeRequest instanceof HttpServerRequest netty) {
            copy(netty.requestHeaders(), out, exchange, rule);
        }
        else {
            // A route filter replaced the request (its headers may differ): read Spring's view of it.
            io.netty.handler.codec.http.HttpHeaders in = new DefaultHttpHeaders();
            request.getHeaders().forEach((name, values) -> in.add(name, values));
            copy(in, out, exchange, rule);
        }
        return out;
    }

    /** The upstream headers in Spring's type, for Spring Cloud Gateway's WebSocket routing. */
    HttpHeaders forUpstream(HttpHeaders input, ServerWebExchange exchange, AccessRule rule) {
        io.netty.handler.codec.http.HttpHeaders in = new DefaultHttpHeaders();
        input.forEach((name, values) -> in.add(name, values));
        io.netty.handler.codec.http.HttpHeaders out = new DefaultHttpHeaders();
        copy(in, out, exchange, rule);
        HttpHeaders headers = new HttpHeaders();
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = out.iteratorCharSequence(); it.hasNext();) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            headers.add(header.getKey().toString(), header.getValue().toString());
        }
        return headers;
    }

    private void copy(io.netty.handler.codec.http.HttpHeaders in, io.netty.handler.codec.http.HttpHeaders out,
            ServerWebExchange exchange, AccessRule rule) {
        RequestContext context = RequestContext.of(exchange);
        if (context == null) {
            throw new IllegalStateException("request reached routing without passing the edge filter");
        }
        boolean keepCredentials = rule.access().forwardsClientCredentials();
        boolean keepApiKey = keepCredentials || rule.isMcp();
        List<String> connectionOptions = in.contains(HttpHeaders.CONNECTION)
                ? connectionOptions(in.getAll(HttpHeaders.CONNECTION)) : List.of();
        String apiKeyFromBearer = null;
        boolean hasApiKeyHeader = false;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = in.iteratorCharSequence(); it.hasNext();) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            String name = header.getKey().toString();
            if (SpoofableHeaders.isHopByHop(name) || isListedIn(connectionOptions, name)) {
                continue;
            }
            if (SpoofableHeaders.isCredential(name)) {
                if (keepCredentials || (keepApiKey && SpoofableHeaders.isApiKeyHeader(name))) {
                    out.add(header.getKey(), header.getValue());
                    hasApiKeyHeader |= SpoofableHeaders.isApiKeyHeader(name);
                }
                else if (keepApiKey && HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                    apiKeyFromBearer = bearerApiKey(header.getValue().toString());
                }
            }
            else if (!SpoofableHeaders.isSpoofable(name)) {
                out.add(header.getKey(), header.getValue());
            }
        }
        if (rule.access() == RouteAccess.PROTECTED) {
            ResolvedPrincipal principal = ResolvedPrincipal.of(exchange);
            if (principal == null) {
                throw new IllegalStateException("protected route forwarded without a principal");
            }
            // add, not set: the client's copies of these headers were dropped above.
            out.add(AUTHORIZATION, principal.authorization());
            if (principal.organizationId() != null) {
                out.add(ORGANIZATION_ID, principal.organizationId());
            }
            // mcp-service calls the gateway back as the caller, so it gets the caller's API key (only).
            if (apiKeyFromBearer != null && !hasApiKeyHeader) {
                out.add(API_KEY, apiKeyFromBearer);
            }
        }
        out.add(REQUEST_ID, context.requestId());
        out.add(FORWARDED_FOR, context.clientIp());
        out.add(REAL_IP, context.clientIp());
        ServerHttpRequest request = exchange.getRequest();
        boolean viaProxy = clientAddresses.isFromTrustedProxy(request);
        out.add(FORWARDED_PROTO, forwardedProto(in, request, viaProxy));
        String host = viaProxy ? in.get(FORWARDED_HOST) : null;
        if (host == null) {
            host = in.get(HttpHeaders.HOST);
        }
        if (host != null) {
            out.add(FORWARDED_HOST, host);
        }
    }

    /**
     * Header names a {@code Connection} header declares hop-by-hop; usually there are none beyond
     * {@code keep-alive}/{@code close}, and then no list is made.
     */
    static List<String> connectionOptions(List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> options = null;
        for (String value : values) {
            for (String token : value.split(",")) {
                String option = token.trim();
                if (!option.isEmpty() && !option.equalsIgnoreCase("keep-alive") && !option.equalsIgnoreCase("close")) {
                    if (options == null) {
                        options = new ArrayList<>(2);
                    }
                    options.add(option);
                }
            }
        }
        return options == null ? List.of() : options;
    }

    static boolean isListedIn(List<String> connectionOptions, String name) {
        for (int i = 0; i < connectionOptions.size(); i++) {
            if (connectionOptions.get(i).equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static AsciiString forwardedProto(io.netty.handler.codec.http.HttpHeaders in,
            ServerHttpRequest request, boolean viaProxy) {
        if (viaProxy) {
            String proto = in.get(FORWARDED_PROTO);
            if ("https".equalsIgnoreCase(proto)) {
                return HTTPS;
            }
            if ("http".equalsIgnoreCase(proto)) {
                return HTTP;
            }
        }
        String scheme = request.getURI().getScheme();
        return "wss".equals(scheme) || "https".equals(scheme) ? HTTPS : HTTP;
    }

    private static String bearerApiKey(String value) {
        if (value.length() > 7 && value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = value.substring(7).trim();
            if (token.startsWith("crow_")) {
                return token;
            }
        }
        return null;
    }
}
