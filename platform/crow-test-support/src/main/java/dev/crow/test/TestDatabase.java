package dev.crow.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One database on the test JVM's PostgreSQL, owned by its own login role (not a superuser), so
 * tests see the privileges a service has in production and cannot reach other tests' data.
 *
 * @param name     database name
 * @param jdbcUrl  JDBC URL of the database, without a schema
 * @param username the owning role
 * @param password its password
 */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {

    /** The URL with {@code currentSchema} set, as the platform configures a service's datasource. */
    public String jdbcUrl(String schema) {
        return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, username, password);
    }

    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        dataSource.setUser(username);
        dataSource.setPassword(password);
        return dataSource;
    }

    @Override
    public String toString() {
        return "TestDatabase[" + name + " at " + jdbcUrl + " as " + username + "]";
    }
}
