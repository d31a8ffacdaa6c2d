package dev.crow.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 store against a small in-test fake of the four S3 calls it makes (path-style PUT, GET,
 * HEAD, DELETE object), configured the way the auto-configuration builds the client.
 */
class S3ObjectStoreTests {

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final Map<String, String> types = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private S3Client client;

    @BeforeEach
    void startFakeS3() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        client = S3Client.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.of("auto"))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("key-id", "secret")))
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    @AfterEach
    void stopFakeS3() {
        client.close();
        server.stop(0);
    }

    @Test
    void storesReadsChecksAndDeletesObjectsUnderThePrefix() {
        S3ObjectStore store = new S3ObjectStore(client, "crow-media", "users/");
        store.put("profile-pictures/u1/a.png", "pixels".getBytes(StandardCharsets.UTF_8), "image/png");

        assertThat(objects).containsKey("/crow-media/users/profile-pictures/u1/a.png");
        StoredObject object = store.get("profile-pictures/u1/a.png").orElseThrow();
        assertThat(new String(object.content(), StandardCharsets.UTF_8)).isEqualTo("pixels");
        assertThat(object.contentType()).isEqualTo("image/png");
        assertThat(store.exists("profile-pictures/u1/a.png")).isTrue();

        store.delete("profile-pictures/u1/a.png");
        assertThat(store.exists("profile-pictures/u1/a.png")).isFalse();
        assertThat(store.get("profile-pictures/u1/a.png")).isEmpty();
        assertThat(authorizations).isNotEmpty().allSatisfy(header ->
                assertThat(header).startsWith("AWS4-HMAC-SHA256 Credential=key-id/"));
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] body = exchange.getRequestBody().readAllBytes();
        String contentSha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
        if (contentSha != null && contentSha.startsWith("STREAMING-")) {
            body = decodeAwsChunked(body);
        }
        switch (exchange.getRequestMethod()) {
            case "PUT" -> {
                objects.put(path, body);
                types.put(path, exchange.getRequestHeaders().getFirst("Content-Type"));
                exchange.getResponseHeaders().add("ETag", "\"fake\"");
                exchange.sendResponseHeaders(200, -1);
            }
            case "GET", "HEAD" -> {
                byte[] object = objects.get(path);
                if (object == null) {
                    notFound(exchange);
                    return;
                }
                exchange.getResponseHeaders().add("Content-Type", types.get(path));
                exchange.getResponseHeaders().add("ETag", "\"fake\"");
                if (exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().add("Content-Length", String.valueOf(object.length));
                    exchange.sendResponseHeaders(200, -1);
                } else {
                    exchange.sendResponseHeaders(200, object.length);
                    exchange.getResponseBody().write(object);
                }
            }
            case "DELETE" -> {
                objects.remove(path);
                exchange.sendResponseHeaders(204, -1);
            }
            default -> exchange.sendResponseHeaders(405, -1);
        }
        exchange.close();
    }

    /** S3's signed streaming upload: {@code <hex size>;chunk-signature=<sig>\r\n<bytes>\r\n}, ending with size 0. */
    private static byte[] decodeAwsChunked(byte[] body) {
        java.io.ByteArrayOutputStream content = new java.io.ByteArrayOutputStream();
        int position = 0;
        while (position < body.length) {
            int lineEnd = indexOfCrLf(body, position);
            String header = new String(body, position, lineEnd - position, StandardCharsets.US_ASCII);
            int size = Integer.parseInt(header.split(";", 2)[0].trim(), 16);
            if (size == 0) {
                break;
            }
            content.write(body, lineEnd + 2, size);
            position = lineEnd + 2 + size + 2;
        }
        return content.toByteArray();
    }

    private static int indexOfCrLf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalArgumentException("malformed aws-chunked body");
    }

    private static void notFound(HttpExchange exchange) throws IOException {
        byte[] error = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code>"
                + "<Message>The specified key does not exist.</Message></Error>").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/xml");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(404, -1);
        } else {
            exchange.sendResponseHeaders(404, error.length);
            exchange.getResponseBody().write(error);
        }
        exchange.close();
    }
}
