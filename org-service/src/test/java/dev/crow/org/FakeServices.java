package dev.crow.org;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * auth-service's membership endpoint and user-service's mail endpoint, faked in the test JVM: they
 * record what org-service asked for (and with which service key) and answer what a test sets.
 */
final class FakeServices {

    /** One request received. */
    record Received(String path, String serviceKey, String body) {
    }

    final List<Received> auth = new CopyOnWriteArrayList<>();
    final List<Received> mails = new CopyOnWriteArrayList<>();
    final AtomicInteger authStatus = new AtomicInteger(201);
    final AtomicInteger mailStatus = new AtomicInteger(202);
    private final HttpServer server;

    FakeServices() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/auth/organizations/", exchange -> answer(exchange, auth, authStatus.get()));
        server.createContext("/internal/notifications/send", exchange -> answer(exchange, mails, mailStatus.get()));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, List<Received> log, int status) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        log.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("X-Service-API-Key"),
                body));
        byte[] answer = (status < 300 ? "{\"ok\":true}" : "{\"error\":\"fake\",\"code\":\"FAKE\"}")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
