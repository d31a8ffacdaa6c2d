package dev.crow.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * PostgreSQL from the zonky binaries, with its data in {@code <data-dir>/postgres} so accounts
 * survive restarts. On the first start the superuser gets the generated admin password and the
 * server is switched from initdb's trust authentication to scram-sha-256 for everyone, so the
 * per-service passwords mean something.
 */
final class EmbeddedDatabase implements AutoCloseable {

    /** Present once the superuser has a password and pg_hba.conf demands one. */
    static final String SECURED_MARKER = "crow-secured";

    private static final List<String> PASSWORD_HBA = List.of(
            "# written by crow-local: every connection needs a password",
            "local all all scram-sha-256",
            "host all all 127.0.0.1/32 scram-sha-256",
            "host all all ::1/128 scram-sha-256");

    private final EmbeddedPostgres postgres;
    private final PostgresTarget target;

    private EmbeddedDatabase(EmbeddedPostgres postgres, PostgresTarget target) {
        this.postgres = postgres;
        this.target = target;
    }

    static EmbeddedDatabase start(Path dataDirectory, int port, String adminPassword, Path logFile) {
        Path pgData = dataDirectory.resolve("postgres");
        try {
            Files.createDirectories(logFile.getParent());
            File log = logFile.toFile();
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // the launcher stops PostgreSQL itself, after the services that use it
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "32MB")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setConnectConfig("password", adminPassword)
                    .setOutputRedirector(Redirect.appendTo(log))
                    .setErrorRedirector(Redirect.appendTo(log))
                    .setDataDirectoryCustomizer(directory -> requirePasswordsIfSecured(directory.toPath()))
                    .start();
            EmbeddedDatabase database = new EmbeddedDatabase(postgres, PostgresTarget.embedded(port, adminPassword));
            database.secureOnFirstStart(pgData, adminPassword);
            return database;
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start on port " + port + " (see " + logFile + ")", e);
        }
    }

    PostgresTarget target() {
        return target;
    }

    int port() {
        return postgres.getPort();
    }

    private static void requirePasswordsIfSecured(Path pgData) {
        if (Files.exists(pgData.resolve(SECURED_MARKER))) {
            writePasswordHba(pgData);
        }
    }

    private void secureOnFirstStart(Path pgData, String adminPassword) {
        if (Files.exists(pgData.resolve(SECURED_MARKER))) {
            return;
        }
        try (Connection admin = postgres.getPostgresDatabase().getConnection(); Statement sql = admin.createStatement()) {
            admin.unwrap(PGConnection.class).alterUserPassword("postgres", adminPassword.toCharArray(), "scram-sha-256");
            writePasswordHba(pgData);
            sql.execute("select pg_reload_conf()");
            Files.writeString(pgData.resolve(SECURED_MARKER), "superuser password set; pg_hba.conf requires passwords\n");
        } catch (SQLException | IOException e) {
            close();
            throw new IllegalStateException("could not secure the embedded PostgreSQL in " + pgData, e);
        }
    }

    private static void writePasswordHba(Path pgData) {
        try {
            Files.write(pgData.resolve("pg_hba.conf"), PASSWORD_HBA, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + pgData.resolve("pg_hba.conf"), e);
        }
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
