package dev.crow.gateway.support;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The shared gateway context of the integration tests: every service points at the echo backend,
 * auth at the fake auth-service, patterns at a port where nothing runs. Loopback is a trusted proxy
 * so each test can act as a client of its own address ({@link GatewayClient#fromNewAddress()}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crow.gateway.service-key=" + FakeAuthService.SERVICE_KEY,
        "crow.gateway.principal-cache-ttl=2s",
        "crow.gateway.trusted-proxies=127.0.0.1",
        "crow.gateway.cors.allowed-origins=https://dashboard.crow.test",
        "management.server.port=0",
        "spring.cloud.gateway.server.webflux.httpclient.connect-timeout=1000",
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=2s"})
@Import(GatewayTestSupport.TestClock.class)
public abstract class GatewayTestSupport {

    protected static final FakeAuthService AUTH = TestServers.AUTH;
    protected static final EchoBackend BACKEND = TestServers.BACKEND;
    protected static final int DEAD_PORT = TestServers.unusedPort();
    private static final AtomicInteger IDS = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        for (String service : new String[] {"users", "organizations", "products", "interactions", "chat", "billing",
                "cctv", "mcp"}) {
            registry.add("crow.gateway.services." + service, BACKEND::url);
        }
        registry.add("crow.gateway.services.auth", AUTH::url);
        registry.add("crow.gateway.services.patterns", () -> "http://127.0.0.1:" + DEAD_PORT);
    }

    protected GatewayClient client() {
        return new GatewayClient(port).fromNewAddress();
    }

    /** A fresh API key registered with the fake auth-service. */
    protected static String apiKey(String tier) {
        String key = "crow_test" + IDS.incrementAndGet() + "x" + System.nanoTime();
        AUTH.register(key, FakeAuthService.Account.apiKey("key-" + IDS.incrementAndGet(), "org-" + tier, tier));
        return key;
    }

    /** A unique suffix for ids made by a test. */
    protected static int nextId() {
        return IDS.incrementAndGet();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {

        @Bean
        MutableClock testClock() {
            return TestServers.CLOCK;
        }
    }
}
