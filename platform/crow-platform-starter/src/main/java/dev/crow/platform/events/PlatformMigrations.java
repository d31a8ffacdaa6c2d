package dev.crow.platform.events;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.springframework.beans.factory.InitializingBean;

/**
 * Creates the starter's tables (event publications, inbox, given-up deliveries) in the service's
 * own schema with Flyway, from {@code classpath:dev/crow/platform/db}, tracked in a history table
 * of their own ({@code crow_platform_schema_history}). The service's {@code V1__…} scripts and
 * the starter's versions therefore never compete for a version number, and a newer starter can
 * add {@code V4__…} to a service that is long past its own {@code V4}. It runs after the
 * service's migrations and baselines at version 0 on a schema they already filled.
 */
class PlatformMigrations implements InitializingBean {

    static final String LOCATION = "classpath:dev/crow/platform/db";
    static final String HISTORY_TABLE = "crow_platform_schema_history";

    private final DataSource dataSource;
    private final String schema;
    private final String registrySchema;

    /**
     * @param registrySchema {@code spring.modulith.events.jdbc.schema}, where Modulith looks for its
     *                       table; when unset, it uses the connection's current schema
     */
    PlatformMigrations(DataSource dataSource, String schema, String registrySchema) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.registrySchema = registrySchema;
    }

    @Override
    public void afterPropertiesSet() {
        FluentConfiguration configuration = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations(LOCATION)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .baselineDescription("schema of the service before the platform tables");
        if (schema != null && !schema.isBlank()) {
            configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        configuration.load().migrate();
        verifyRegistryFindsItsTable();
    }

    /** Modulith names its table without a schema unless told one; fail now rather than at the first event. */
    private void verifyRegistryFindsItsTable() {
        if (schema == null || schema.isBlank() || schema.equals(registrySchema)) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                ResultSet current = connection.createStatement().executeQuery("select current_schema()")) {
            String currentSchema = current.next() ? current.getString(1) : null;
            if (!schema.equals(currentSchema)) {
                throw new IllegalStateException("CROW events keep their outbox in schema " + schema + ", but connections "
                        + "start in " + currentSchema + ": add ?currentSchema=" + schema + " to spring.datasource.url or "
                        + "set spring.modulith.events.jdbc.schema=" + schema);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the connection's schema", e);
        }
    }
}
