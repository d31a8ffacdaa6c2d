package dev.crow.platform.events;

import java.util.regex.Pattern;

/**
 * Names of the starter's own tables, qualified with the service's schema so that they are found
 * whatever the connection's search path is.
 */
final class PlatformTables {

    private static final Pattern SCHEMA = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String prefix;

    PlatformTables(String schema) {
        if (schema != null && !schema.isBlank() && !SCHEMA.matcher(schema).matches()) {
            throw new IllegalStateException("crow.platform.schema must be a lower-case Postgres identifier");
        }
        this.prefix = schema == null || schema.isBlank() ? "" : schema + ".";
    }

    String name(String table) {
        return prefix + table;
    }
}
