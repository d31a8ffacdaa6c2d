package dev.crow.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment one service is started with: its port, its own database login, the shared
 * service key and JWKS location, every other service's URL, and the secrets only auth-service
 * (cookie and signing-key secrets) or the gateway (routes, Redis) needs.
 */
final class ServiceEnvironment {

    /** Small pools: a dozen services share one local PostgreSQL, and each idle connection costs it memory. */
    static final String POOL_SIZE = "5";

    private final PortPlan ports;
    private final Secrets secrets;
    private final PostgresTarget database;
    private final Optional<String> redisUrl;

    ServiceEnvironment(PortPlan ports, Secrets secrets, PostgresTarget database, Optional<String> redisUrl) {
        this.ports = ports;
        this.secrets = secrets;
        this.database = database;
        this.redisUrl = redisUrl;
    }

    Map<String, String> forService(ServiceDefinition service, Map<String, String> extra) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(ports.port(service)));
        env.put("CROW_PLATFORM_SERVICE_KEY", secrets.serviceKey());
        env.put("CROW_PLATFORM_JWT_JWKS_URI", jwksUri());
        for (ServiceDefinition other : ServiceCatalog.all()) {
            env.put("CROW_PLATFORM_SERVICES_" + other.envName(), ports.baseUrl(other));
        }
        if (service.ownsSchema()) {
            env.put("SPRING_DATASOURCE_URL", database.serviceUrl(service.schema()));
            env.put("SPRING_DATASOURCE_USERNAME", database.role(service.schema()));
            env.put("SPRING_DATASOURCE_PASSWORD", secrets.databasePassword(service.schema()));
            env.put("SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE", POOL_SIZE);
            env.put("SPRING_DATASOURCE_HIKARI_MINIMUM_IDLE", "1");
        }
        if (service.hasManagementPort()) {
            env.put("MANAGEMENT_SERVER_PORT", Integer.toString(ports.managementPort(service)));
        }
        if (ServiceCatalog.AUTH.equals(service.name())) {
            env.put("CROW_AUTH_COOKIE_SECRET", secrets.cookieSecret());
            env.put("CROW_AUTH_SIGNING_KEY_SECRET", secrets.signingKeySecret());
            env.put("CROW_AUTH_BASE_URL", publicUrl());
        }
        if ("users".equals(service.name())) {
            // profile-picture URLs and the links of account mails point at the gateway
            env.put("CROW_USERS_PUBLIC_BASE_URL", publicUrl());
        }
        if (ServiceCatalog.GATEWAY.equals(service.name())) {
            for (ServiceDefinition backend : ServiceCatalog.all()) {
                if (!backend.name().equals(service.name())) {
                    env.put("CROW_GATEWAY_SERVICES_" + backend.envName(), ports.baseUrl(backend));
                }
            }
            env.put("CROW_GATEWAY_SERVICE_KEY", secrets.serviceKey());
            redisUrl.ifPresent(url -> {
                // a Redis URL means buckets shared with other gateway nodes
                env.put("CROW_GATEWAY_REDIS_URL", url);
                env.put("CROW_GATEWAY_RATE_LIMITS_STORE", "redis");
            });
        }
        if ("mcp".equals(service.name())) {
            env.put("CROW_MCP_GATEWAY_URL", ports.baseUrl(gateway()));
        }
        env.putAll(extra);
        return env;
    }

    /** Where clients reach the platform: the gateway, as a browser on this machine sees it. */
    String publicUrl() {
        return "http://localhost:" + ports.port(gateway());
    }

    String jwksUri() {
        return ports.baseUrl(ServiceCatalog.find(ServiceCatalog.AUTH).orElseThrow()) + "/api/v1/auth/jwks";
    }

    private static ServiceDefinition gateway() {
        return ServiceCatalog.find(ServiceCatalog.GATEWAY).orElseThrow();
    }
}
