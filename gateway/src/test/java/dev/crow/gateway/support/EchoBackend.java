package dev.crow.gateway.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for every CROW service behind the gateway: answers any request with the method, path and
 * headers it received (so tests see exactly what the gateway forwarded), echoes WebSocket frames on
 * {@code /api/v1/cctv/ws}, streams server-sent events on {@code /api/v1/chat/stream} whose second
 * event waits for the test, and serves an OpenAPI document at {@code /v3/api-docs}; {@code /api/v1/products/stall} never answers.
 */
public final class EchoBackend {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DisposableServer server;
    private final AtomicReference<Sinks.One<String>> streamGate = new AtomicReference<>(Sinks.one());

    public EchoBackend() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes
                        .ws("/api/v1/cctv/ws", (in, out) -> {
                            Map<String, List<String>> handshake = headers(in.headers());
                            return out.sendObject(in.aggregateFrames(8 * 1024 * 1024).receiveFrames()
                                    .map(frame -> reply(frame, handshake)));
                        }, WebsocketServerSpec.builder().maxFramePayloadLength(8 * 1024 * 1024).build())
                        .get("/api/v1/chat/stream", (request, response) -> response
                                .header("Content-Type", "text/event-stream")
                                .sendString(Flux.concat(
                                        Mono.just("data: first\n\n"),
                                        streamGate.get().asMono().map(text -> "data: " + text + "\n\n")))
                                .then())
                        .get("/api/v1/products/stall", (request, response) -> Mono.never())
                        .get("/v3/api-docs", (request, response) -> response
                                .header("Content-Type", "application/json")
                                .sendString(Mono.just("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"echo\","
                                        + "\"version\":\"1\"},\"paths\":{}}")))
                        .route(request -> true, EchoBackend::echo))
                .bindNow();
    }

    public String url() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Lets the pending event stream send its second event and end. */
    public void releaseStream(String text) {
        streamGate.getAndSet(Sinks.one()).tryEmitValue(text);
    }

    private static WebSocketFrame reply(WebSocketFrame frame, Map<String, List<String>> handshake) {
        if (frame instanceof TextWebSocketFrame text && "whoami".equals(text.text())) {
            return new TextWebSocketFrame(JSON.writeValueAsString(handshake));
        }
        return frame.retain();
    }

    private static org.reactivestreams.Publisher<Void> echo(HttpServerRequest request, HttpServerResponse response) {
        Map<String, List<String>> headers = headers(request.requestHeaders());
        return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .flatMap(body -> {
                    Map<String, Object> echo = new LinkedHashMap<>();
                    echo.put("method", request.method().name());
                    echo.put("path", request.uri());
                    echo.put("headers", headers);
                    echo.put("bodyLength", body.length());
                    String requestId = request.requestHeaders().get("X-Request-Id");
                    return response.header("Content-Type", "application/json")
                            // As the services do: echo the request id, and a header the gateway owns.
                            .header("X-Request-Id", requestId != null ? requestId : "upstream")
                            .header("X-RateLimit-Limit", "999999")
                            .sendString(Mono.just(JSON.writeValueAsString(echo)))
                            .then();
                });
    }

    private static Map<String, List<String>> headers(HttpHeaders headers) {
        Map<String, List<String>> copy = new TreeMap<>();
        for (Map.Entry<String, String> header : headers) {
            copy.computeIfAbsent(header.getKey().toLowerCase(), k -> new ArrayList<>()).add(header.getValue());
        }
        return copy;
    }
}
