package dev.crow.local;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL server and database the platform lives in, and the administrative login used
 * only to prepare it (services get their own roles).
 *
 * @param hosts         {@code host:port} (or several, comma-separated, as pgjdbc accepts)
 * @param database      the platform's database
 * @param parameters    extra URL parameters to keep, e.g. {@code sslmode=require}; empty for none
 * @param adminUser     a role that may create databases and roles
 * @param adminPassword its password
 */
record PostgresTarget(String hosts, String database, String parameters, String adminUser, String adminPassword) {

    static final String DEFAULT_DATABASE = "crow";
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/?]+)(?:/([^?]*))?(?:\\?(.*))?");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    PostgresTarget {
        if (!IDENTIFIER.matcher(database).matches()) {
            throw new IllegalArgumentException("database name must be a lower-case identifier: " + database);
        }
        parameters = parameters == null ? "" : parameters;
    }

    /** Parses {@code jdbc:postgresql://host:port/database?params}; the database defaults to {@code crow}. */
    static PostgresTarget parse(String url, String adminUser, String adminPassword) {
        Matcher matcher = URL.matcher(url);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database): " + url);
        }
        String database = matcher.group(2) == null || matcher.group(2).isBlank() ? DEFAULT_DATABASE : matcher.group(2);
        return new PostgresTarget(matcher.group(1), database, matcher.group(3), adminUser, adminPassword);
    }

    static PostgresTarget embedded(int port, String adminPassword) {
        return new PostgresTarget("localhost:" + port, DEFAULT_DATABASE, "", "postgres", adminPassword);
    }

    String jdbcUrl() {
        return jdbcUrl(database);
    }

    String jdbcUrl(String otherDatabase) {
        return "jdbc:postgresql://" + hosts + "/" + otherDatabase + (parameters.isEmpty() ? "" : "?" + parameters);
    }

    /** What a service's datasource points at: the platform database, starting in the service's schema. */
    String serviceUrl(String schema) {
        return "jdbc:postgresql://" + hosts + "/" + database + "?" + (parameters.isEmpty() ? "" : parameters + "&")
                + "currentSchema=" + schema;
    }

    /** The login role of the service owning {@code schema}: {@code crow_auth}, {@code crow_products}, … */
    String role(String schema) {
        return database + "_" + schema;
    }

    @Override
    public String toString() {
        return "PostgresTarget[" + jdbcUrl() + " as " + adminUser + "]";
    }
}
