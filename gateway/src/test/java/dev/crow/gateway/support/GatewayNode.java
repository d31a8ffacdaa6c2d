package dev.crow.gateway.support;

import java.util.ArrayList;
import java.util.List;

import dev.crow.gateway.GatewayApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole gateway started in this JVM on random ports, for tests that need several nodes at once.
 * Services and auth point at the shared fakes; the clock is the shared test clock. Nodes stay up until
 * the test JVM exits (Spring's shutdown hook closes them): closing one earlier would dispose Reactor
 * Netty's global event loops, which the other gateway contexts of the same JVM share.
 */
public final class GatewayNode {

    private final ConfigurableApplicationContext context;

    public GatewayNode(String... extraProperties) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "management.server.port=0",
                "crow.gateway.service-key=" + FakeAuthService.SERVICE_KEY,
                "crow.gateway.services.auth=" + TestServers.AUTH.url(),
                "crow.gateway.trusted-proxies=127.0.0.1",
                "crow.gateway.principal-cache-ttl=2s"));
        for (String service : new String[] {"users", "organizations", "products", "interactions", "patterns", "chat",
                "billing", "cctv", "mcp"}) {
            properties.add("crow.gateway.services." + service + "=" + TestServers.BACKEND.url());
        }
        properties.addAll(List.of(extraProperties));
        // As command-line arguments: builder "properties" would rank below application.yml.
        context = new SpringApplicationBuilder(GatewayApplication.class, GatewayTestSupport.TestClock.class)
                .run(properties.stream().map(property -> "--" + property).toArray(String[]::new));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    public GatewayClient client() {
        return new GatewayClient(port());
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public String prometheus() {
        int managementPort = Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
        return new GatewayClient(managementPort).get("/actuator/prometheus").body();
    }
}
