package dev.crow.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PortPlanTests {

    private static ServiceDefinition service(String name) {
        return ServiceCatalog.find(name).orElseThrow();
    }

    @Test
    void shiftsEveryPortByTheOffset() {
        PortPlan plan = new PortPlan(200, Map.of());

        assertThat(plan.port(service("auth"))).isEqualTo(8281);
        assertThat(plan.managementPort(service("gateway"))).isEqualTo(8380);
        assertThat(plan.healthPort(service("gateway"))).isEqualTo(8380);
        assertThat(plan.healthPort(service("auth"))).isEqualTo(8281);
        assertThat(plan.postgresPort()).isEqualTo(15632);
        assertThat(plan.baseUrl(service("mcp"))).isEqualTo("http://127.0.0.1:8290");
    }

    @Test
    void explicitPortsWinOverTheOffset() {
        PortPlan plan = new PortPlan(200, Map.of("auth", 19000, "gateway.management", 19001, "postgres", 19002));

        assertThat(plan.port(service("auth"))).isEqualTo(19000);
        assertThat(plan.managementPort(service("gateway"))).isEqualTo(19001);
        assertThat(plan.postgresPort()).isEqualTo(19002);
        assertThat(plan.port(service("users"))).isEqualTo(8282);
    }

    @Test
    void rejectsOffsetsThatRunPastTheLastPort() {
        assertThatThrownBy(() -> new PortPlan(60000, Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortPlan(-1, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFreeOffsetHasAllPlatformPortsFree() {
        PortPlan plan = new PortPlan(PortPlan.freeOffset(), Map.of());

        assertThat(plan.offset()).isPositive();
        assertThat(plan.ports(ServiceCatalog.all(), true)).allMatch(PortPlan::isFree).hasSize(13);
    }
}
