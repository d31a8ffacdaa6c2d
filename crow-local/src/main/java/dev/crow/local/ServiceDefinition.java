package dev.crow.local;

import java.util.Locale;

/**
 * One deployable of the platform as the launcher sees it (DESIGN.md §1).
 *
 * @param name           the service's name in URLs and configuration keys: {@code auth}, {@code products}, …
 * @param module         its Maven module directory, which also names its jar
 * @param port           default HTTP port
 * @param managementPort default actuator port, or 0 when health is served on {@link #port}
 * @param schema         the PostgreSQL schema it owns, or {@code null} when it keeps no data
 * @param healthPath     path answering 200 once the service is ready
 */
public record ServiceDefinition(String name, String module, int port, int managementPort, String schema,
        String healthPath) {

    static ServiceDefinition withSchema(String name, String module, int port, String schema) {
        return new ServiceDefinition(name, module, port, 0, schema, "/api/v1/" + name + "/health");
    }

    public boolean ownsSchema() {
        return schema != null;
    }

    public boolean hasManagementPort() {
        return managementPort > 0;
    }

    /** The suffix of per-service environment variables: {@code CROW_PLATFORM_SERVICES_<ENV_NAME>}. */
    public String envName() {
        return name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    boolean answersTo(String nameOrModule) {
        return name.equals(nameOrModule) || module.equals(nameOrModule);
    }
}
