package dev.crow.pattern.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.crow.interaction.demo.SyntheticInteraction;
import dev.crow.interaction.demo.SyntheticInteractions;
import dev.crow.test.TestServiceKeys;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * interaction-service's internal API as pattern-service calls it, serving synthetic data sets per
 * organization in the export's NDJSON, checking the service key, and misbehaving on request
 * (failing, stalling, sending garbage) so the job machinery can be tested against it.
 */
public final class FakeInteractionService {

    private static final FakeInteractionService INSTANCE = new FakeInteractionService();

    private final HttpServer server;
    private final Map<String, SyntheticInteractions> data = new ConcurrentHashMap<>();
    private final Map<String, String> raw = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final Map<String, CountDownLatch> stalls = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    private FakeInteractionService() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "fake-interactions");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext("/internal/interactions/export", this::export);
        server.createContext("/internal/interactions/organizations", this::organizations);
        server.start();
    }

    public static FakeInteractionService instance() {
        return INSTANCE;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void serve(String organizationId, SyntheticInteractions interactions) {
        data.put(organizationId, interactions);
    }

    /** Serves this text as the organization's export body. */
    public void serveRaw(String organizationId, String body) {
        raw.put(organizationId, body);
    }

    /** The next {@code times} exports of the organization answer 503. */
    public void failNext(String organizationId, int times) {
        failuresLeft.put(organizationId, new AtomicInteger(times));
    }

    /** Exports of the organization hang after their headers until {@link #release}. */
    public void stall(String organizationId) {
        stalls.put(organizationId, new CountDownLatch(1));
    }

    public void release(String organizationId) {
        CountDownLatch latch = stalls.remove(organizationId);
        if (latch != null) {
            latch.countDown();
        }
    }

    public int calls(String path) {
        return calls.getOrDefault(path, new AtomicInteger()).get();
    }

    private boolean authorized(HttpExchange exchange) throws IOException {
        calls.computeIfAbsent(exchange.getRequestURI().getPath(), p -> new AtomicInteger()).incrementAndGet();
        if (!TestServiceKeys.serviceKey().equals(exchange.getRequestHeaders().getFirst(TestServiceKeys.HEADER))) {
            answer(exchange, 401, "{\"error\":\"Service key required\"}");
            return false;
        }
        return true;
    }

    private void export(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        Map<String, String> query = query(exchange);
        String organization = query.get("organizationId");
        AtomicInteger failures = failuresLeft.get(organization);
        if (failures != null && failures.getAndDecrement() > 0) {
            answer(exchange, 503, "{\"error\":\"unavailable\"}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/x-ndjson");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            CountDownLatch stall = stalls.get(organization);
            if (stall != null) {
                out.flush();
                stall.await(120, TimeUnit.SECONDS);
            }
            if (raw.containsKey(organization)) {
                out.write(raw.get(organization).getBytes(StandardCharsets.UTF_8));
                return;
            }
            SyntheticInteractions interactions = data.get(organization);
            if (interactions == null) {
                return;
            }
            Instant from = Instant.parse(query.get("from"));
            Instant to = Instant.parse(query.get("to"));
            StringBuilder lines = new StringBuilder(1 << 16);
            for (SyntheticInteraction interaction : interactions) {
                if (!interaction.occurredAt().isBefore(from) && interaction.occurredAt().isBefore(to)) {
                    lines.append(interaction.toJson()).append('\n');
                    if (lines.length() > 1 << 16) {
                        out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
                        lines.setLength(0);
                    }
                }
            }
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void organizations(HttpExchange exchange) throws IOException {
        if (!authorized(exchange)) {
            return;
        }
        List<String> ids = data.keySet().stream().sorted().toList();
        StringBuilder body = new StringBuilder("{\"organizationIds\":[");
        for (int i = 0; i < ids.size(); i++) {
            body.append(i == 0 ? "" : ",").append('"').append(ids.get(i)).append('"');
        }
        answer(exchange, 200, body.append("]}").toString());
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(pair.substring(0, equals),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
