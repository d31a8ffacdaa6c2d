package dev.crow.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the gateway as a browser or SDK is one: it keeps the cookies the platform sets,
 * sends the dashboard's Origin, and speaks from its own client address (the gateway trusts
 * loopback as a proxy in this suite, so {@code X-Forwarded-For} is the client's address).
 */
public final class Client {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final String clientAddress;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String origin = E2EPlatform.DASHBOARD_ORIGIN;

    public Client(String base) {
        this.base = base;
        this.clientAddress = "198.51.100." + ThreadLocalRandom.current().nextInt(1, 255) + ","
                + "203.0.113." + ThreadLocalRandom.current().nextInt(1, 255);
    }

    /** The address the gateway sees for this client. */
    public String address() {
        return clientAddress.substring(clientAddress.indexOf(',') + 1);
    }

    public Client withoutOrigin() {
        origin = null;
        return this;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, Object body, String... headers) {
        return send("POST", path, body, headers);
    }

    public Response send(String method, String path, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(method, HttpRequest.BodyPublishers.ofString(text)).header("Content-Type", "application/json");
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        request.header("X-Forwarded-For", address());
        if (origin != null && !"GET".equals(method)) {
            request.header("Origin", origin);
        }
        if (!cookies.isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            cookies.forEach((name, value) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            request.header("Cookie", cookie.toString());
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            remember(response.headers());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(HttpHeaders headers) {
        for (String line : headers.allValues("set-cookie")) {
            String pair = line.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || line.toLowerCase().contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
    }

    /** The session token inside the signed cookie value ({@code token.signature}, URL-encoded). */
    public String sessionToken() {
        String signed = URLDecoder.decode(cookies.get("better-auth.session_token"), StandardCharsets.UTF_8);
        return signed.substring(0, signed.lastIndexOf('.'));
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }
}
