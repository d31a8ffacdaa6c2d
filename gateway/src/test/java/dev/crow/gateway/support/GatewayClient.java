package dev.crow.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the gateway the way clients do, over real HTTP, optionally as coming from a given client address. */
public final class GatewayClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    private final String baseUrl;
    private final String clientIp;

    public GatewayClient(int port) {
        this("http://127.0.0.1:" + port, null);
    }

    private GatewayClient(String baseUrl, String clientIp) {
        this.baseUrl = baseUrl;
        this.clientIp = clientIp;
    }

    /**
     * A client behind the trusted proxy (loopback in the shared test context) with an address of its own,
     * so per-address limits of one test never touch another's.
     */
    public GatewayClient fromNewAddress() {
        int n = ADDRESSES.incrementAndGet();
        return new GatewayClient(baseUrl, "198.51." + (100 + n / 250) + "." + (1 + n % 250));
    }

    public String clientIp() {
        return clientIp;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, String body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (clientIp != null) {
            request.header("X-Forwarded-For", clientIp);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        }
        catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpClient http() {
        return HTTP;
    }

    /** An answer, with helpers for the platform error body and the echo backend's report. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue().get(0);
                }
            }
            return null;
        }

        public List<String> headerValues(String name) {
            for (Map.Entry<String, List<String>> header : headers.entrySet()) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return List.of();
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        /** A header as the backend received it (lower-case name), or null. */
        public String forwarded(String name) {
            JsonNode values = json().path("headers").path(name.toLowerCase());
            return values.isArray() && !values.isEmpty() ? values.get(0).asString() : null;
        }

        public List<String> forwardedNames() {
            return json().path("headers").propertyNames().stream().toList();
        }
    }
}
