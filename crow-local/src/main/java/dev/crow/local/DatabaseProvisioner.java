package dev.crow.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Prepares the platform database, idempotently: the database itself, then for each service a
 * login role with its own password that owns the service's schema and nothing else. No service
 * connects as a superuser, and none can read another's schema.
 */
final class DatabaseProvisioner {

    private static final String UNDEFINED_DATABASE = "3D000";

    private final PostgresTarget target;
    private final Secrets secrets;

    DatabaseProvisioner(PostgresTarget target, Secrets secrets) {
        this.target = target;
        this.secrets = secrets;
    }

    void provision(List<String> schemas) throws SQLException {
        createDatabaseIfMissing();
        try (Connection admin = connect(target.jdbcUrl()); Statement sql = admin.createStatement()) {
            // identifiers come from the service catalog and are plain lower-case names
            sql.execute("revoke all on database " + target.database() + " from public");
            sql.execute("revoke create on schema public from public");
            for (String schema : schemas) {
                String role = target.role(schema);
                if (!exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
                    sql.execute("create role " + role + " login");
                }
                sql.execute("alter role " + role + " login nosuperuser nocreatedb nocreaterole");
                // hashed on this side, so the password never appears in server logs
                admin.unwrap(PGConnection.class).alterUserPassword(role, secrets.databasePassword(schema).toCharArray(),
                        "scram-sha-256");
                sql.execute("grant connect, temporary on database " + target.database() + " to " + role);
                sql.execute("create schema if not exists " + schema + " authorization " + role);
                sql.execute("alter schema " + schema + " owner to " + role);
                sql.execute("revoke all on schema " + schema + " from public");
            }
        }
    }

    private void createDatabaseIfMissing() throws SQLException {
        try (Connection ignored = connect(target.jdbcUrl())) {
            return;
        } catch (SQLException e) {
            if (!UNDEFINED_DATABASE.equals(e.getSQLState())) {
                throw e;
            }
        }
        try (Connection admin = connect(target.jdbcUrl("postgres")); Statement sql = admin.createStatement()) {
            sql.execute("create database " + target.database());
        }
    }

    private Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, target.adminUser(), target.adminPassword());
    }

    private static boolean exists(Connection connection, String query, String value) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, value);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
