package dev.crow.interaction.bench;

import com.sun.net.httpserver.HttpServer;
import dev.crow.platform.security.AuthMethod;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import dev.crow.test.TestJwts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs interaction-service's exec jar as its own process against a fresh embedded PostgreSQL,
 * with a local JWKS standing in for auth-service, then runs bench/interactions/IngestBenchmark.java
 * against it with a one-hour JWT, prints the service's peak memory and the stored row count, and
 * tears everything down. Arguments: the exec jar, the benchmark source, then benchmark options.
 * {@code -Dbench.durable=true} keeps PostgreSQL's fsync and synchronous commit on.
 */
public final class LocalIngestBench {

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        Path client = Path.of(args[1]);
        List<String> clientOptions = List.of(args).subList(2, args.length);
        boolean durable = Boolean.getBoolean("bench.durable");
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("max_wal_size", "2GB")
                .setServerConfig("max_connections", "100");
        if (!durable) {
            builder.setServerConfig("fsync", "off").setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        try (EmbeddedPostgres postgres = builder.start()) {
            String password = HexFormat.of().formatHex(random(16));
            try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
                sql.execute("create role bench login password '" + password + "'");
                sql.execute("create database bench owner bench");
            }
            TestJwts keys = new TestJwts();
            HttpServer jwks = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] document = keys.jwksJson().getBytes(StandardCharsets.UTF_8);
            jwks.createContext("/jwks", exchange -> {
                exchange.sendResponseHeaders(200, document.length);
                exchange.getResponseBody().write(document);
                exchange.close();
            });
            jwks.start();
            int port = freePort();
            String serviceJava = System.getProperty("bench.service.java", "java");
            ProcessBuilder service = new ProcessBuilder(serviceJava, "-Xmx1g", "-XX:+UseParallelGC", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(Path.of(System.getProperty("java.io.tmpdir"), "crow-ingest-bench-service.log").toFile());
            Map<String, String> env = service.environment();
            env.put("SERVER_PORT", String.valueOf(port));
            env.put("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/bench?currentSchema=interactions");
            env.put("SPRING_DATASOURCE_USERNAME", "bench");
            env.put("SPRING_DATASOURCE_PASSWORD", password);
            env.put("CROW_PLATFORM_SERVICE_KEY", Base64.getUrlEncoder().withoutPadding().encodeToString(random(32)));
            env.put("CROW_PLATFORM_JWT_JWKS_URI", "http://127.0.0.1:" + jwks.getAddress().getPort() + "/jwks");
            env.put("LOGGING_LEVEL_ROOT", "WARN");
            Process process = service.start();
            try {
                awaitReady(port, process);
                CallerContext caller = new CallerContext("bench-user", "org_bench", "owner",
                        Set.of(Permission.INTERACTIONS, Permission.INTERACTIONS_INGEST), "enterprise", AuthMethod.API_KEY,
                        "bench-key");
                String jwt = keys.mint(caller, Duration.ofHours(1));
                List<String> command = new ArrayList<>(List.of("java", client.toString(), "--base-url",
                        "http://127.0.0.1:" + port, "--jwt", jwt, "--cpu-pids",
                        process.pid() + "," + postgres.getProcess().pid()));
                command.addAll(clientOptions);
                System.out.println("PostgreSQL " + (durable ? "durable (fsync, synchronous commit)" : "with fsync and synchronous commit off")
                        + ", service " + serviceJava + " -Xmx1g");
                int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
                System.out.println("service peak RSS: " + peakRss(process.pid()));
                try (Connection connection = java.sql.DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/bench", "bench", password);
                        Statement sql = connection.createStatement();
                        var rows = sql.executeQuery("select count(*) from interactions.interaction")) {
                    rows.next();
                    System.out.println("interactions stored: " + rows.getLong(1));
                }
                if (exit != 0) {
                    throw new IllegalStateException("benchmark client failed with " + exit);
                }
            } finally {
                process.destroy();
                process.waitFor();
                jwks.stop(0);
            }
        }
    }

    private static void awaitReady(int port, Process process) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        URI ready = URI.create("http://127.0.0.1:" + port + "/api/v1/interactions/ready");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited; see crow-ingest-bench-service.log");
            }
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            process.onExit().completeOnTimeout(null, 250, java.util.concurrent.TimeUnit.MILLISECONDS).join();
        }
        throw new IllegalStateException("the service did not get ready in time");
    }

    private static String peakRss(long pid) {
        try (InputStream in = Files.newInputStream(Path.of("/proc/" + pid + "/status"))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> line.startsWith("VmHWM")).map(line -> line.replaceAll("\\s+", " ")).findFirst()
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static byte[] random(int count) {
        byte[] bytes = new byte[count];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
