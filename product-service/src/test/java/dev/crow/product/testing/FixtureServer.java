package dev.crow.product.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A tiny HTTP/1.1 server on a loopback port that counts every accepted connection. Tests use it
 * both as a fixture shop and as the "target" an SSRF attempt must never reach.
 */
public final class FixtureServer implements AutoCloseable {

    public record Request(String method, String target, Map<String, String> headers, String body) {

        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }
    }

    public record Reply(int status, Map<String, String> headers, byte[] body, boolean hangs) {

        public static Reply of(int status, String contentType, byte[] body) {
            return new Reply(status, Map.of("Content-Type", contentType), body, false);
        }

        public static Reply html(String html) {
            return of(200, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply text(String contentType, String text) {
            return of(200, contentType, text.getBytes(StandardCharsets.UTF_8));
        }

        public static Reply redirect(int status, String location) {
            return new Reply(status, Map.of("Location", location), new byte[0], false);
        }

        public static Reply withHeaders(int status, Map<String, String> headers, byte[] body) {
            return new Reply(status, headers, body, false);
        }

        /** Accept the request and never answer. */
        public static Reply hanging() {
            return new Reply(0, Map.of(), new byte[0], true);
        }
    }

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();
    private final Map<String, Function<Request, Reply>> routes = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "fixture-server");
        thread.setDaemon(true);
        return thread;
    });

    private FixtureServer(ServerSocket server) throws IOException {
        this.server = server;
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        executor.submit(this::acceptLoop);
    }

    public static FixtureServer start() {
        try {
            return new FixtureServer(new ServerSocket());
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a loopback port", e);
        }
    }

    /** The same server speaking HTTPS with the key in {@code tls}. */
    public static FixtureServer startTls(javax.net.ssl.SSLContext tls) {
        try {
            return new FixtureServer(tls.getServerSocketFactory().createServerSocket());
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind a loopback port", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public FixtureServer route(String path, Reply reply) {
        routes.put(path, request -> reply);
        return this;
    }

    public FixtureServer route(String path, Function<Request, Reply> handler) {
        routes.put(path, handler);
        return this;
    }

    public int connections() {
        return connections.get();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                executor.submit(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            String requestLine = readLine(in);
            if (requestLine == null) {
                return;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String line;
            while ((line = readLine(in)) != null && !line.isEmpty()) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
                }
            }
            String[] parts = requestLine.split(" ");
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
            Request request = new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers, body);
            requests.add(request);
            Function<Request, Reply> handler = routes.getOrDefault(request.target(), routes.get(request.path()));
            Reply reply = handler == null ? Reply.of(404, "text/plain", "not found".getBytes()) : handler.apply(request);
            if (reply.hangs()) {
                // Hold the connection open until the client gives up or the server closes.
                while (in.read() != -1) {
                    // discard
                }
                return;
            }
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes(("HTTP/1.1 " + reply.status() + " Fixture\r\n").getBytes(StandardCharsets.US_ASCII));
            boolean chunked = false;
            for (Map.Entry<String, String> header : reply.headers().entrySet()) {
                chunked |= header.getKey().equalsIgnoreCase("Transfer-Encoding");
                head.writeBytes((header.getKey() + ": " + header.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (!chunked) {
                head.writeBytes(("Content-Length: " + reply.body().length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            head.writeBytes("Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(head.toByteArray());
            out.write(reply.body());
            out.flush();
        } catch (IOException e) {
            // The client went away; nothing to do for a fixture.
        } finally {
            open.remove(socket);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a fixture cannot fail a test
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // same
            }
        }
        executor.shutdownNow();
    }
}
