package dev.crow.gateway.ratelimit;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.crow.gateway.support.FakeAuthService.Account;
import dev.crow.gateway.support.GatewayClient;
import dev.crow.gateway.support.GatewayNode;
import dev.crow.gateway.support.TcpProxy;
import dev.crow.gateway.support.TestServers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two gateway nodes sharing their buckets in a real Redis ({@code CROW_TEST_REDIS_URL}, e.g.
 * {@code redis://127.0.0.1:6379}); skipped when the variable is not set. Redis is reached through a
 * relay the test can cut, to show the outage behaviour. Keys carry a prefix unique to this run.
 */
class RedisRateLimitTests {

    private static final String REDIS_URL = System.getenv("CROW_TEST_REDIS_URL");

    private static TcpProxy relay;
    private static GatewayNode nodeA;
    private static GatewayNode nodeB;

    @BeforeAll
    static void startTwoNodes() {
        assumeTrue(REDIS_URL != null && !REDIS_URL.isBlank(),
                "CROW_TEST_REDIS_URL is not set: skipping the shared Redis bucket tests"
                        + " (run them with CROW_TEST_REDIS_URL=redis://127.0.0.1:6379)");
        URI redis = URI.create(REDIS_URL);
        relay = new TcpProxy(redis.getHost(), redis.getPort() > 0 ? redis.getPort() : 6379);
        String relayed = redis.getScheme() + "://" + (redis.getRawUserInfo() != null ? redis.getRawUserInfo() + "@" : "")
                + "127.0.0.1:" + relay.port() + (redis.getRawPath() != null ? redis.getRawPath() : "");
        String prefix = "crow:test:" + UUID.randomUUID() + ":";
        String[] properties = {
                "crow.gateway.rate-limits.store=redis",
                "crow.gateway.redis-url=" + relayed,
                "crow.gateway.rate-limits.redis-key-prefix=" + prefix,
                "crow.gateway.rate-limits.redis-retry-interval=300ms"};
        nodeA = new GatewayNode(properties);
        nodeB = new GatewayNode(properties);
    }

    @AfterAll
    static void stopNodes() {
        // The nodes themselves stay up until the JVM exits (see GatewayNode); their Redis link goes now.
        if (relay != null) {
            relay.close();
        }
    }

    @BeforeEach
    void freshMinute() {
        TestServers.CLOCK.nextMinute(5);
    }

    @Test
    void twoGatewayNodesTogetherAllowExactlyTheTiersLimit() throws Exception {
        String key = freeKey();
        GatewayClient a = nodeA.client().fromNewAddress();
        GatewayClient b = nodeB.client().fromNewAddress();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            GatewayClient node = i % 2 == 0 ? a : b;
            statuses.add(callers.submit(() -> node.get("/api/v1/interactions", "X-API-Key", key).status()));
        }
        int allowed = 0;
        int refused = 0;
        for (Future<Integer> status : statuses) {
            int code = status.get();
            allowed += code == 200 ? 1 : 0;
            refused += code == 429 ? 1 : 0;
        }
        callers.shutdown();

        assertThat(allowed).isEqualTo(60);
        assertThat(refused).isEqualTo(20);
    }

    @Test
    void remainingIsSharedAcrossNodes() {
        String key = freeKey();

        String first = nodeA.client().fromNewAddress().get("/api/v1/interactions", "X-API-Key", key)
                .header("X-RateLimit-Remaining");
        String second = nodeB.client().fromNewAddress().get("/api/v1/interactions", "X-API-Key", key)
                .header("X-RateLimit-Remaining");

        assertThat(first).isEqualTo("59");
        assertThat(second).isEqualTo("58");
    }

    @Test
    void redisOutageFailsOpenToLocalBucketsAndSharingResumesWhenRedisReturns() {
        relay.stop();
        try {
            String key = freeKey();
            GatewayClient a = nodeA.client().fromNewAddress();
            int allowed = 0;
            for (int i = 0; i < 61; i++) {
                allowed += a.get("/api/v1/interactions", "X-API-Key", key).status() == 200 ? 1 : 0;
            }

            assertThat(allowed).as("still limited, by this node's memory").isEqualTo(60);
            assertThat(nodeA.prometheus()).contains("crow_gateway_ratelimit_redis_available 0.0")
                    .containsPattern("crow_gateway_ratelimit_redis_fallback_total [1-9]");
        }
        finally {
            relay.start();
        }

        String key = freeKey();
        GatewayClient a = nodeA.client().fromNewAddress();
        GatewayClient b = nodeB.client().fromNewAddress();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            a.get("/api/v1/products/p1", "X-API-Key", freeKey());
            b.get("/api/v1/products/p1", "X-API-Key", freeKey());
            return nodeA.prometheus().contains("crow_gateway_ratelimit_redis_available 1.0")
                    && nodeB.prometheus().contains("crow_gateway_ratelimit_redis_available 1.0");
        });
        assertThat(a.get("/api/v1/interactions", "X-API-Key", key).header("X-RateLimit-Remaining")).isEqualTo("59");
        assertThat(b.get("/api/v1/interactions", "X-API-Key", key).header("X-RateLimit-Remaining")).isEqualTo("58");
    }

    private static String freeKey() {
        String key = "crow_redis" + UUID.randomUUID().toString().replace("-", "");
        TestServers.AUTH.register(key, Account.apiKey("key-" + UUID.randomUUID(), "org-redis", "free"));
        return key;
    }
}
