package dev.crow.platform.events;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * One embedded PostgreSQL per test JVM for the starter's own tests (crow-test-support depends on
 * the starter, so the starter cannot use it), with a fresh database per call.
 */
final class EventsTestDatabase {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private final String name;

    private EventsTestDatabase(String name) {
        this.name = name;
    }

    static synchronized EventsTestDatabase create() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off").start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        String name = "events_" + SEQUENCE.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return new EventsTestDatabase(name);
    }

    String url(String schema) {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name + "?currentSchema=" + schema;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(new SingleConnectionDataSource(
                "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + name, "postgres", "postgres", true));
    }
}
