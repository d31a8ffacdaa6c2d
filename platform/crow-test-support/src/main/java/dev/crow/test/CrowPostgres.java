package dev.crow.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL for tests: one server per test JVM, started on first use, shared by every
 * test class, with a separate database (and owning role) per caller so Spring test contexts
 * never see each other's rows.
 *
 * <p>The server is the embedded zonky binaries by default, or a Testcontainers PostgreSQL when a
 * Docker engine answers. {@code CROW_TEST_POSTGRES=embedded|testcontainers} (environment or
 * system property {@code crow.test.postgres}) forces one; {@code CROW_TEST_POSTGRES_IMAGE}
 * overrides the container image.
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void database(DynamicPropertyRegistry registry) {
 *     CrowPostgres.register(registry, "products");
 * }
 * }</pre>
 */
public final class CrowPostgres {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,47}");
    private static final Map<String, TestDatabase> DATABASES = new ConcurrentHashMap<>();
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Object START_LOCK = new Object();
    private static volatile PostgresServer server;

    private CrowPostgres() {
    }

    /**
     * The database called {@code name}, created with its own owner role on first request; later
     * requests for the same name return the same database.
     */
    public static TestDatabase database(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("database name must match " + NAME.pattern() + ": " + name);
        }
        return DATABASES.computeIfAbsent(name, CrowPostgres::create);
    }

    /**
     * Points {@code spring.datasource.*} at a new database whose connections start in
     * {@code schema}; call it from a {@code @DynamicPropertySource} method. Spring calls that
     * method once per test context it builds, so each context gets its own database.
     */
    public static TestDatabase register(DynamicPropertyRegistry registry, String schema) {
        if (schema == null || !NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("schema must match " + NAME.pattern() + ": " + schema);
        }
        TestDatabase database = database(schema + "_" + SEQUENCE.incrementAndGet());
        String url = database.jdbcUrl(schema);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", database::username);
        registry.add("spring.datasource.password", database::password);
        // the server stops with the test JVM, possibly before Spring closes its contexts: a context
        // closing late must give up on connections quickly instead of holding the JVM for 30 s
        registry.add("spring.datasource.hikari.connection-timeout", () -> "3000");
        return database;
    }

    /** Which server this JVM uses, e.g. "embedded PostgreSQL on port 41234". */
    public static String describe() {
        return server().describe();
    }

    private static TestDatabase create(String name) {
        PostgresServer postgres = server();
        String role = name + "_owner";
        String password = HexFormat.of().formatHex(randomBytes(16));
        try (Connection admin = postgres.adminConnection(); Statement sql = admin.createStatement()) {
            // names are validated above and passwords are hex, so inlining them is safe
            if (!exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
                sql.execute("create role " + role + " login password '" + password + "'");
            } else {
                sql.execute("alter role " + role + " password '" + password + "'");
            }
            if (!exists(admin, "select 1 from pg_database where datname = ?", name)) {
                sql.execute("create database " + name + " owner " + role);
                sql.execute("revoke connect, temporary on database " + name + " from public");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " on " + postgres.describe(), e);
        }
        return new TestDatabase(name, postgres.jdbcUrl(name), role, password);
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static PostgresServer server() {
        PostgresServer current = server;
        if (current == null) {
            synchronized (START_LOCK) {
                current = server;
                if (current == null) {
                    current = startServer();
                    server = current;
                }
            }
        }
        return current;
    }

    private static PostgresServer startServer() {
        String forced = setting("CROW_TEST_POSTGRES", "crow.test.postgres");
        String image = setting("CROW_TEST_POSTGRES_IMAGE", "crow.test.postgres.image");
        String containerImage = image == null ? ContainerPostgresServer.DEFAULT_IMAGE : image;
        if (forced == null) {
            return DockerProbe.dockerReachable() ? ContainerPostgresServer.start(containerImage)
                    : EmbeddedPostgresServer.start();
        }
        return switch (forced.toLowerCase(Locale.ROOT)) {
            case "embedded" -> EmbeddedPostgresServer.start();
            case "testcontainers" -> {
                if (!DockerProbe.dockerReachable()) {
                    throw new IllegalStateException("CROW_TEST_POSTGRES=testcontainers but no Docker engine is reachable");
                }
                yield ContainerPostgresServer.start(containerImage);
            }
            default -> throw new IllegalArgumentException("CROW_TEST_POSTGRES must be embedded or testcontainers, not " + forced);
        };
    }

    private static String setting(String env, String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** Asks Testcontainers about Docker only when there is a sign of one, so its probing never slows or fails a build. */
    static final class DockerProbe {

        private DockerProbe() {
        }

        static boolean dockerReachable() {
            if (!dockerConfigured()) {
                return false;
            }
            try {
                return org.testcontainers.DockerClientFactory.instance().isDockerAvailable();
            } catch (Throwable e) {
                return false;
            }
        }

        private static boolean dockerConfigured() {
            String home = System.getProperty("user.home");
            return System.getenv("DOCKER_HOST") != null
                    || Files.exists(Path.of("/var/run/docker.sock"))
                    || (home != null && (Files.exists(Path.of(home, ".docker", "run", "docker.sock"))
                            || Files.exists(Path.of(home, ".testcontainers.properties"))));
        }
    }
}
