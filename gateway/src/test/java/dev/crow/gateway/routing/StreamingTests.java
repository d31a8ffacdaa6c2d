package dev.crow.gateway.routing;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.crow.gateway.support.GatewayClient;
import dev.crow.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StreamingTests extends GatewayTestSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void cameraWebSocketIsProxiedWithTheInternalJwt() throws Exception {
        String key = apiKey("free");
        Frames frames = new Frames();
        WebSocket socket = GatewayClient.http().newWebSocketBuilder()
                .header("X-API-Key", key)
                .header("X-Organization-Id", "spoofed")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/cctv/ws"), frames)
                .get(10, TimeUnit.SECONDS);

        socket.sendText("whoami", true).get(5, TimeUnit.SECONDS);
        JsonNode handshake = JSON.readTree((String) frames.next());
        socket.sendText("frame-1", true).get(5, TimeUnit.SECONDS);
        Object echoed = frames.next();
        byte[] image = new byte[200_000];
        ThreadLocalRandom.current().nextBytes(image);
        socket.sendBinary(ByteBuffer.wrap(image), true).get(5, TimeUnit.SECONDS);
        Object echoedImage = frames.next();
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);

        assertThat(handshake.path("authorization").get(0).asString()).startsWith("Bearer eyJhbGciOiJFZERTQSJ9.test-");
        assertThat(handshake.path("x-organization-id").get(0).asString()).isEqualTo("org-free");
        assertThat(handshake.has("x-api-key")).isFalse();
        assertThat(echoed).isEqualTo("frame-1");
        assertThat(echoedImage).isInstanceOf(byte[].class);
        assertThat(Arrays.equals((byte[]) echoedImage, image)).as("a 200 KB frame passes whole").isTrue();
    }

    @Test
    void cameraWebSocketWithoutCredentialIsRefused() {
        CompletableFuture<WebSocket> attempt = GatewayClient.http().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/api/v1/cctv/ws"), new Frames());

        assertThatThrownBy(attempt::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(WebSocketHandshakeException.class,
                        failure -> assertThat(failure.getResponse().statusCode()).isEqualTo(401));
    }

    @Test
    void serverSentEventsArriveBeforeTheStreamEnds() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/chat/stream"))
                .header("X-API-Key", apiKey("free"))
                .header("Accept", "text/event-stream")
                .build();

        HttpResponse<InputStream> response = GatewayClient.http()
                .sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
                .get(10, TimeUnit.SECONDS);
        BufferedReader events = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
        String first = CompletableFuture.supplyAsync(() -> readLine(events)).get(10, TimeUnit.SECONDS);

        // The backend is still holding its second event: the first one was not buffered by the gateway.
        BACKEND.releaseStream("second");
        String blank = readLine(events);
        String second = CompletableFuture.supplyAsync(() -> readLine(events)).get(10, TimeUnit.SECONDS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        assertThat(first).isEqualTo("data: first");
        assertThat(blank).isEmpty();
        assertThat(second).isEqualTo("data: second");
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        }
        catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Collects whole text and binary messages. */
    private static final class Frames implements WebSocket.Listener {

        private final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        private final StringBuilder text = new StringBuilder();
        private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();

        Object next() throws InterruptedException {
            Object message = messages.poll(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            assertThat(message).as("a message within 10 s").isNotNull();
            return message;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                messages.add(binary.toByteArray());
                binary.reset();
            }
            webSocket.request(1);
            return null;
        }
    }
}
