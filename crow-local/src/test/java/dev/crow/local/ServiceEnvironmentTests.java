package dev.crow.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceEnvironmentTests {

    @TempDir
    Path dataDirectory;

    private ServiceEnvironment environment(int offset, Optional<String> redis) {
        Secrets secrets = Secrets.loadOrCreate(dataDirectory, ServiceCatalog.schemas());
        PostgresTarget database = PostgresTarget.embedded(ServiceCatalog.POSTGRES_PORT + offset, secrets.postgresAdminPassword());
        return new ServiceEnvironment(new PortPlan(offset, Map.of()), secrets, database, redis);
    }

    private Secrets secrets() {
        return Secrets.loadOrCreate(dataDirectory, ServiceCatalog.schemas());
    }

    private static ServiceDefinition service(String name) {
        return ServiceCatalog.find(name).orElseThrow();
    }

    @Test
    void everyServiceGetsItsPortTheServiceKeyTheJwksAndEveryServiceUrl() {
        Map<String, String> env = environment(0, Optional.empty()).forService(service("products"), Map.of());

        assertThat(env).containsEntry("SERVER_PORT", "8084")
                .containsEntry("CROW_PLATFORM_SERVICE_KEY", secrets().serviceKey())
                .containsEntry("CROW_PLATFORM_JWT_JWKS_URI", "http://127.0.0.1:8081/api/v1/auth/jwks")
                .containsEntry("CROW_PLATFORM_SERVICES_AUTH", "http://127.0.0.1:8081")
                .containsEntry("CROW_PLATFORM_SERVICES_ORGANIZATIONS", "http://127.0.0.1:8083")
                .containsEntry("CROW_PLATFORM_SERVICES_GATEWAY", "http://127.0.0.1:8080")
                .containsEntry("CROW_PLATFORM_SERVICES_MCP", "http://127.0.0.1:8090");
    }

    @Test
    void servicesWithASchemaConnectAsTheirOwnRoleStartingInTheirSchema() {
        Map<String, String> env = environment(0, Optional.empty()).forService(service("organizations"), Map.of());

        assertThat(env).containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:15432/crow?currentSchema=orgs")
                .containsEntry("SPRING_DATASOURCE_USERNAME", "crow_orgs")
                .containsEntry("SPRING_DATASOURCE_PASSWORD", secrets().databasePassword("orgs"));
        assertThat(secrets().databasePassword("orgs")).isNotEqualTo(secrets().databasePassword("auth"));
    }

    @Test
    void onlyAuthServiceGetsTheCookieAndSigningKeySecrets() {
        ServiceEnvironment environment = environment(0, Optional.empty());

        assertThat(environment.forService(service("auth"), Map.of()))
                .containsEntry("CROW_AUTH_COOKIE_SECRET", secrets().cookieSecret())
                .containsEntry("CROW_AUTH_SIGNING_KEY_SECRET", secrets().signingKeySecret())
                .containsEntry("CROW_AUTH_BASE_URL", "http://localhost:8080");
        for (String other : new String[] {"gateway", "users", "products", "mcp"}) {
            assertThat(environment.forService(service(other), Map.of()))
                    .doesNotContainKeys("CROW_AUTH_COOKIE_SECRET", "CROW_AUTH_SIGNING_KEY_SECRET");
        }
    }

    @Test
    void theGatewayGetsItsRoutesServiceKeyManagementPortAndNoDatabase() {
        Map<String, String> env = environment(0, Optional.empty()).forService(service("gateway"), Map.of());

        assertThat(env).containsEntry("CROW_GATEWAY_SERVICES_AUTH", "http://127.0.0.1:8081")
                .containsEntry("CROW_GATEWAY_SERVICES_PATTERNS", "http://127.0.0.1:8086")
                .containsEntry("CROW_GATEWAY_SERVICES_CCTV", "http://127.0.0.1:8089")
                .containsEntry("CROW_GATEWAY_SERVICE_KEY", secrets().serviceKey())
                .containsEntry("MANAGEMENT_SERVER_PORT", "8180")
                .doesNotContainKeys("CROW_GATEWAY_SERVICES_GATEWAY", "SPRING_DATASOURCE_URL", "CROW_GATEWAY_REDIS_URL");
    }

    @Test
    void redisIsPassedToTheGatewayOnlyWhenGiven() {
        ServiceEnvironment environment = environment(0, Optional.of("redis://cache.internal:6379"));

        assertThat(environment.forService(service("gateway"), Map.of()))
                .containsEntry("CROW_GATEWAY_REDIS_URL", "redis://cache.internal:6379")
                .containsEntry("CROW_GATEWAY_RATE_LIMITS_STORE", "redis");
        assertThat(environment.forService(service("auth"), Map.of())).doesNotContainKey("CROW_GATEWAY_REDIS_URL");
    }

    @Test
    void thePortOffsetShiftsEveryPortAndUrl() {
        ServiceEnvironment environment = environment(1000, Optional.empty());

        assertThat(environment.forService(service("auth"), Map.of()))
                .containsEntry("SERVER_PORT", "9081")
                .containsEntry("CROW_AUTH_BASE_URL", "http://localhost:9080")
                .containsEntry("CROW_PLATFORM_JWT_JWKS_URI", "http://127.0.0.1:9081/api/v1/auth/jwks")
                .containsEntry("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:16432/crow?currentSchema=auth");
        assertThat(environment.forService(service("gateway"), Map.of())).containsEntry("MANAGEMENT_SERVER_PORT", "9180");
    }

    @Test
    void extraEnvironmentIsAddedLastAndWins() {
        Map<String, String> env = environment(0, Optional.empty())
                .forService(service("chat"), Map.of("CROW_CHAT_PROVIDER_BASE_URL", "http://127.0.0.1:9999", "SERVER_PORT", "18087"));

        assertThat(env).containsEntry("CROW_CHAT_PROVIDER_BASE_URL", "http://127.0.0.1:9999").containsEntry("SERVER_PORT", "18087");
    }
}
