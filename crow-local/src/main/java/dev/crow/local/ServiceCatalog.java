package dev.crow.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Every deployable of the platform, in one table: names, modules, ports and schemas of DESIGN.md §1. */
public final class ServiceCatalog {

    public static final String GATEWAY = "gateway";
    public static final String AUTH = "auth";

    private static final List<ServiceDefinition> SERVICES = List.of(
            new ServiceDefinition(GATEWAY, "gateway", 8080, 8180, null, "/actuator/health"),
            ServiceDefinition.withSchema(AUTH, "auth-service", 8081, "auth"),
            ServiceDefinition.withSchema("users", "user-service", 8082, "users"),
            ServiceDefinition.withSchema("organizations", "org-service", 8083, "orgs"),
            ServiceDefinition.withSchema("products", "product-service", 8084, "products"),
            ServiceDefinition.withSchema("interactions", "interaction-service", 8085, "interactions"),
            ServiceDefinition.withSchema("patterns", "pattern-service", 8086, "patterns"),
            ServiceDefinition.withSchema("chat", "chat-service", 8087, "chat"),
            ServiceDefinition.withSchema("billing", "billing-service", 8088, "billing"),
            ServiceDefinition.withSchema("cctv", "cctv-service", 8089, "cctv"),
            new ServiceDefinition("mcp", "mcp-service", 8090, 0, null, "/api/v1/mcp/health"));

    /** The embedded PostgreSQL's port before the port offset. */
    public static final int POSTGRES_PORT = 15432;

    private ServiceCatalog() {
    }

    public static List<ServiceDefinition> all() {
        return SERVICES;
    }

    public static Optional<ServiceDefinition> find(String nameOrModule) {
        return SERVICES.stream().filter(service -> service.answersTo(nameOrModule)).findFirst();
    }

    /** The definitions named (by service name or module), in catalog order; all of them for an empty selection. */
    public static List<ServiceDefinition> select(Collection<String> names) {
        if (names == null || names.isEmpty()) {
            return SERVICES;
        }
        Set<String> unknown = new LinkedHashSet<>(names);
        List<ServiceDefinition> selected = new ArrayList<>();
        for (ServiceDefinition service : SERVICES) {
            if (unknown.removeIf(service::answersTo)) {
                selected.add(service);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown service(s) " + unknown + "; known: "
                    + SERVICES.stream().map(ServiceDefinition::name).toList());
        }
        return selected;
    }

    /** Every schema any service owns: the database is prepared for all, whichever are started. */
    public static List<String> schemas() {
        return SERVICES.stream().filter(ServiceDefinition::ownsSchema).map(ServiceDefinition::schema).toList();
    }
}
