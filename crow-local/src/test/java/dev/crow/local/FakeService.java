package dev.crow.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * A stand-in for a CROW service, started by the launcher as a child process in tests: it uses
 * the datasource it is given (recording one row per start in its schema) and serves its health
 * path. {@code FAKE_BEHAVIOUR=exit} makes it crash during startup, {@code unhealthy} answers 503.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws Exception {
        String healthPath = args[0];
        String behaviour = System.getenv().getOrDefault("FAKE_BEHAVIOUR", "healthy");
        System.out.println("fake service starting on port " + System.getenv("SERVER_PORT"));
        if (behaviour.equals("exit")) {
            System.out.println("simulated failure: cannot reach the thing this service needs");
            System.exit(3);
        }
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null) {
            recordStart(url, System.getenv("SPRING_DATASOURCE_USERNAME"), System.getenv("SPRING_DATASOURCE_PASSWORD"));
        }
        int status = behaviour.equals("unhealthy") ? 503 : 200;
        serve(Integer.parseInt(System.getenv("SERVER_PORT")), healthPath, status);
        String management = System.getenv("MANAGEMENT_SERVER_PORT");
        if (management != null) {
            serve(Integer.parseInt(management), healthPath, status);
        }
        System.out.println("fake service ready");
    }

    private static void recordStart(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement sql = connection.createStatement()) {
            sql.execute("create table if not exists fake_start (started_at timestamptz not null default now())");
            sql.execute("insert into fake_start default values");
            try (ResultSet row = sql.executeQuery("select current_schema(), current_user")) {
                row.next();
                System.out.println("connected as " + row.getString(2) + " in schema " + row.getString(1));
            }
        }
    }

    private static void serve(int port, String healthPath, int status) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext(healthPath, exchange -> {
            byte[] body = ("{\"status\":\"" + (status == 200 ? "UP" : "DOWN") + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/env", exchange -> {
            Map<String, String> names = new TreeMap<>();
            System.getenv().forEach((name, value) -> {
                if (name.startsWith("CROW_") || name.startsWith("SPRING_") || name.equals("SERVER_PORT")) {
                    names.put(name, name.contains("SECRET") || name.contains("PASSWORD") || name.contains("KEY") ? "***" : value);
                }
            });
            StringBuilder text = new StringBuilder();
            names.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
            byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }
}
