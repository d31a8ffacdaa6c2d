package dev.crow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceCatalogTests {

    @Test
    void listsEveryDeployableWithTheDesignPortsAndSchemas() {
        assertThat(ServiceCatalog.all()).extracting(ServiceDefinition::name, ServiceDefinition::module,
                ServiceDefinition::port, ServiceDefinition::schema).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("gateway", "gateway", 8080, null),
                        org.assertj.core.groups.Tuple.tuple("auth", "auth-service", 8081, "auth"),
                        org.assertj.core.groups.Tuple.tuple("users", "user-service", 8082, "users"),
                        org.assertj.core.groups.Tuple.tuple("organizations", "org-service", 8083, "orgs"),
                        org.assertj.core.groups.Tuple.tuple("products", "product-service", 8084, "products"),
                        org.assertj.core.groups.Tuple.tuple("interactions", "interaction-service", 8085, "interactions"),
                        org.assertj.core.groups.Tuple.tuple("patterns", "pattern-service", 8086, "patterns"),
                        org.assertj.core.groups.Tuple.tuple("chat", "chat-service", 8087, "chat"),
                        org.assertj.core.groups.Tuple.tuple("billing", "billing-service", 8088, "billing"),
                        org.assertj.core.groups.Tuple.tuple("cctv", "cctv-service", 8089, "cctv"),
                        org.assertj.core.groups.Tuple.tuple("mcp", "mcp-service", 8090, null));
    }

    @Test
    void servicesAnswerHealthUnderTheirNameAndTheGatewayOnItsManagementPort() {
        assertThat(ServiceCatalog.find("organizations").orElseThrow().healthPath()).isEqualTo("/api/v1/organizations/health");
        ServiceDefinition gateway = ServiceCatalog.find("gateway").orElseThrow();
        assertThat(gateway.healthPath()).isEqualTo("/actuator/health");
        assertThat(gateway.managementPort()).isEqualTo(8180);
        assertThat(ServiceCatalog.find("auth").orElseThrow().hasManagementPort()).isFalse();
    }

    @Test
    void selectsByServiceNameOrModuleInCatalogOrder() {
        assertThat(ServiceCatalog.select(List.of("gateway", "auth-service", "products")))
                .extracting(ServiceDefinition::name).containsExactly("gateway", "auth", "products");
        assertThat(ServiceCatalog.select(List.of())).hasSize(11);
    }

    @Test
    void rejectsUnknownServiceNames() {
        assertThatThrownBy(() -> ServiceCatalog.select(List.of("auth", "crawler")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("crawler");
    }

    @Test
    void schemasAreThoseOfTheServicesThatKeepData() {
        assertThat(ServiceCatalog.schemas()).containsExactly("auth", "users", "orgs", "products", "interactions",
                "patterns", "chat", "billing", "cctv");
    }
}
