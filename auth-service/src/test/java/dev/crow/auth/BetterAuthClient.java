package dev.crow.auth;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls auth-service the way the Better Auth browser client does: kebab-case paths under
 * {@code /api/v1/auth}, POST with a JSON body or GET without one, cookies kept exactly as the
 * server set them (URL-encoded) and sent back, and the page's {@code Origin} on every request.
 */
public final class BetterAuthClient {

    public static final String DASHBOARD_ORIGIN = "http://localhost:3000";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final String root;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String origin = DASHBOARD_ORIGIN;

    public BetterAuthClient(int port) {
        this.root = "http://localhost:" + port;
    }

    /** A response with its body parsed as JSON (when it is JSON). */
    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public List<String> setCookies() {
            return headers.allValues("set-cookie");
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        public String code() {
            return json().path("code").asString();
        }
    }

    public BetterAuthClient origin(String origin) {
        this.origin = origin;
        return this;
    }

    public Map<String, String> cookies() {
        return cookies;
    }

    /** The session cookie's value as stored in the jar (still URL-encoded, as the server sent it). */
    public String sessionCookie() {
        return cookies.get("better-auth.session_token");
    }

    public void setCookie(String name, String value) {
        cookies.put(name, value);
    }

    public Response post(String path, Object body) {
        return send("POST", "/api/v1/auth" + path, body, Map.of());
    }

    public Response get(String path) {
        return send("GET", "/api/v1/auth" + path, null, Map.of());
    }

    /** Any request relative to the server root, with extra headers; cookies and Origin as configured. */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).timeout(Duration.ofSeconds(30));
        if (body != null) {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(method, HttpRequest.BodyPublishers.ofString(text)).header("Content-Type", "application/json");
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        if (!cookies.isEmpty()) {
            StringBuilder cookie = new StringBuilder();
            cookies.forEach((name, value) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(name).append('=').append(value));
            request.header("Cookie", cookie.toString());
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Response answer = new Response(response.statusCode(), response.headers(), response.body());
            answer.setCookies().forEach(this::remember);
            return answer;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Browser cookie rules that matter here: a cookie with Max-Age=0 is deleted. */
    private void remember(String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].trim().equalsIgnoreCase("Max-Age=0")) {
                expired = true;
            }
        }
        if (expired || value.isEmpty()) {
            cookies.remove(name);
        } else {
            cookies.put(name, value);
        }
    }
}
