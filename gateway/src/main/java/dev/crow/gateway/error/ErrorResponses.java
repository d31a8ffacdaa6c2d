package dev.crow.gateway.error;

import java.nio.charset.StandardCharsets;

import dev.crow.gateway.observability.RequestContext;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;

/**
 * Writes the platform error body {@code {"error","code","message","requestId"}} (DESIGN.md §4). The
 * gateway does not use the servlet-based platform starter, so this is its own small writer.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, ErrorCode code, String message) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        byte[] body = body(code, message, RequestContext.requestIdOf(exchange)).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(code.status());
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentLength(body.length);
        headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    static String body(ErrorCode code, String message, String requestId) {
        StringBuilder json = new StringBuilder(96 + 2 * message.length());
        json.append("{\"error\":");
        appendString(json, message);
        json.append(",\"code\":");
        appendString(json, code.wireName());
        json.append(",\"message\":");
        appendString(json, message);
        json.append(",\"requestId\":");
        if (requestId == null) {
            json.append("null");
        }
        else {
            appendString(json, requestId);
        }
        return json.append('}').toString();
    }

    private static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    }
                    else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
