package dev.crow.test;

import java.sql.Connection;
import java.sql.SQLException;

/** A running PostgreSQL server that test databases are created on. */
interface PostgresServer {

    /** A superuser connection to the server's maintenance database. */
    Connection adminConnection() throws SQLException;

    /** The JDBC URL of {@code database} on this server. */
    String jdbcUrl(String database);

    /** Human-readable description for logs and failure messages. */
    String describe();
}
