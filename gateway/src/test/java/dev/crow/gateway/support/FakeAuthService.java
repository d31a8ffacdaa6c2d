package dev.crow.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for auth-service in gateway tests: the introspection endpoint of the contract
 * (docs/platform-contracts.md) over credentials the test registers, and an echo of the headers it
 * received for every other path (auth-service's own routes, which the gateway passes through).
 */
public final class FakeAuthService {

    public static final String SERVICE_KEY = "test-service-key";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicInteger totalCalls = new AtomicInteger();
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
    private volatile boolean unavailable;

    /** A credential's owner. {@code jwtTtlSeconds} sets {@code jwtExpiresAt} from now. */
    public record Account(String userId, String organizationId, String tier, String authMethod, String apiKeyId,
            Long perMinute, Long perDay, long jwtTtlSeconds) {

        public static Account apiKey(String keyId, String organizationId, String tier) {
            return new Account("user-of-" + keyId, organizationId, tier, "api_key", keyId, null, null, 300);
        }

        public static Account session(String userId, String organizationId, String tier) {
            return new Account(userId, organizationId, tier, "session", null, null, null, 300);
        }

        public Account withLimits(long perMinute, long perDay) {
            return new Account(userId, organizationId, tier, authMethod, apiKeyId, perMinute, perDay, jwtTtlSeconds);
        }

        public Account withTier(String newTier) {
            return new Account(userId, organizationId, newTier, authMethod, apiKeyId, perMinute, perDay, jwtTtlSeconds);
        }

        public Account withJwtTtl(long seconds) {
            return new Account(userId, organizationId, tier, authMethod, apiKeyId, perMinute, perDay, seconds);
        }

        /** The internal JWT this fake issues for the account (opaque to the gateway). */
        public String jwt() {
            return "eyJhbGciOiJFZERTQSJ9.test-" + userId + ".sig";
        }
    }

    private final Clock clock;

    public FakeAuthService(Clock clock) {
        this.clock = clock;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        }
        catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "fake-auth");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Registers (or replaces) the owner of a credential, as sent in the introspection body. */
    public void register(String credential, Account account) {
        accounts.put(credential, account);
    }

    /** The credential stops being valid (revoked key, signed-out session). */
    public void revoke(String credential) {
        accounts.remove(credential);
    }

    public int callsFor(String credential) {
        AtomicInteger count = calls.get(credential);
        return count == null ? 0 : count.get();
    }

    public int totalCalls() {
        return totalCalls.get();
    }

    /** While true, introspection answers 503 as an auth-service in trouble would. */
    public void unavailable(boolean value) {
        this.unavailable = value;
    }

    /** Holds introspection answers until {@link #open()}; calls keep being counted meanwhile. */
    public void hold() {
        gate.set(new CountDownLatch(1));
    }

    public void open() {
        CountDownLatch latch = gate.getAndSet(null);
        if (latch != null) {
            latch.countDown();
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (exchange.getRequestURI().getPath().equals("/internal/auth/introspect")) {
                introspect(exchange);
            }
            else if (exchange.getRequestURI().getPath().equals("/api/v1/auth/get-session")
                    && exchange.getRequestHeaders().getFirst("Cookie") == null
                    && exchange.getRequestHeaders().getFirst("Authorization") == null) {
                // Better Auth's answer without a session: 200 with a JSON null.
                send(exchange, 200, "null");
            }
            else {
                send(exchange, 200, JSON.writeValueAsString(echo(exchange)));
            }
        }
    }

    private void introspect(HttpExchange exchange) throws IOException {
        if (!"POST".equals(exchange.getRequestMethod())
                || !SERVICE_KEY.equals(exchange.getRequestHeaders().getFirst("X-Service-API-Key"))) {
            send(exchange, 403, error("FORBIDDEN", "Forbidden"));
            return;
        }
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in.readAllBytes());
        }
        String credential = body.path("credential").asString("");
        String type = body.path("type").asString("");
        totalCalls.incrementAndGet();
        calls.computeIfAbsent(credential, c -> new AtomicInteger()).incrementAndGet();
        CountDownLatch latch = gate.get();
        if (latch != null) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (unavailable) {
            send(exchange, 503, error("UPSTREAM_UNAVAILABLE", "Service unavailable"));
            return;
        }
        Account account = accounts.get(credential);
        boolean typeMatches = account != null
                && ("api_key".equals(type) == "api_key".equals(account.authMethod()));
        if (!typeMatches) {
            send(exchange, 401, error("UNAUTHORIZED", "Invalid credentials"));
            return;
        }
        Map<String, Object> principal = new LinkedHashMap<>();
        principal.put("userId", account.userId());
        principal.put("organizationId", account.organizationId());
        principal.put("role", account.organizationId() != null ? "owner" : null);
        principal.put("permissions", List.of("interactions", "patterns", "products", "chat"));
        principal.put("tier", account.tier());
        principal.put("authMethod", account.authMethod());
        principal.put("apiKeyId", account.apiKeyId());
        principal.put("rateLimit", account.perMinute() == null ? null
                : Map.of("perMinute", account.perMinute(), "perDay", account.perDay()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("principal", principal);
        answer.put("jwt", account.jwt());
        answer.put("jwtExpiresAt", clock.instant().getEpochSecond() + account.jwtTtlSeconds());
        send(exchange, 200, JSON.writeValueAsString(answer));
    }

    private static Map<String, Object> echo(HttpExchange exchange) {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("service", "auth");
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", exchange.getRequestURI().getRawPath());
        echo.put("headers", headers);
        return echo;
    }

    private static String error(String code, String message) {
        return "{\"error\":\"" + message + "\",\"code\":\"" + code + "\",\"message\":\"" + message
                + "\",\"requestId\":null}";
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
