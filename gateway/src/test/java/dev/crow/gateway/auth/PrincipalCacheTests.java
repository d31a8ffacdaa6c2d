package dev.crow.gateway.auth;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import dev.crow.gateway.support.FakeAuthService.Account;
import dev.crow.gateway.support.GatewayClient;
import dev.crow.gateway.support.GatewayClient.Response;
import dev.crow.gateway.support.GatewayTestSupport;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The shared test context caches principals for 2 s ({@code crow.gateway.principal-cache-ttl}). */
class PrincipalCacheTests extends GatewayTestSupport {

    private static final Duration TTL = Duration.ofSeconds(2);

    @Autowired
    MeterRegistry registry;

    @AfterEach
    void release() {
        AUTH.open();
    }

    @Test
    void principalIsResolvedOnceAndThenServedFromTheCache() {
        String key = apiKey("free");
        GatewayClient client = client();

        for (int i = 0; i < 5; i++) {
            assertThat(client.get("/api/v1/products/p1", "X-API-Key", key).status()).isEqualTo(200);
        }

        assertThat(AUTH.callsFor(key)).isEqualTo(1);
    }

    @Test
    void concurrentMissesForOneCredentialShareOneIntrospection() {
        String key = apiKey("free");
        double hitsBefore = cacheGets("hit");
        AUTH.hold();
        List<CompletableFuture<HttpResponse<String>>> responses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            responses.add(GatewayClient.http().sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/api/v1/products/p1"))
                    .header("X-API-Key", key)
                    .header("X-Forwarded-For", client().clientIp())
                    .build(), HttpResponse.BodyHandlers.ofString()));
        }

        // All eight are waiting: one asked auth-service, seven found its pending answer in the cache.
        await().atMost(Duration.ofSeconds(10)).until(() -> cacheGets("hit") - hitsBefore >= 7);
        AUTH.open();

        assertThat(responses).allSatisfy(response -> assertThat(response.join().statusCode()).isEqualTo(200));
        assertThat(AUTH.callsFor(key)).isEqualTo(1);
    }

    @Test
    void revokedApiKeyStopsWorkingWithinTheCacheBound() {
        String key = apiKey("free");
        GatewayClient client = client();
        assertThat(client.get("/api/v1/products/p1", "X-API-Key", key).status()).isEqualTo(200);

        AUTH.revoke(key);
        long revoked = System.nanoTime();
        awaitAnswer(client, "/api/v1/products/p1", "X-API-Key", key, response -> response.status() == 401);

        assertThat(Duration.ofNanos(System.nanoTime() - revoked)).isLessThan(TTL.plusMillis(1500));
    }

    @Test
    void signedOutSessionStopsWorkingWithinTheCacheBound() {
        String token = "signed-out-" + nextId() + ".c2ln";
        AUTH.register(token, Account.session("user-signout-" + nextId(), "org-x", "free"));
        GatewayClient client = client();
        assertThat(client.get("/api/v1/users/me", "Cookie", "better-auth.session_token=" + token).status())
                .isEqualTo(200);

        AUTH.revoke(token);
        long signedOut = System.nanoTime();
        awaitAnswer(client, "/api/v1/users/me", "Cookie", "better-auth.session_token=" + token,
                response -> response.status() == 401);

        assertThat(Duration.ofNanos(System.nanoTime() - signedOut)).isLessThan(TTL.plusMillis(1500));
    }

    @Test
    void tierChangeTakesEffectWithinTheCacheBound() {
        String key = "crow_upgrade" + nextId();
        Account account = Account.apiKey("key-upgrade-" + nextId(), "org-upgrade", "free");
        AUTH.register(key, account);
        GatewayClient client = client();
        assertThat(client.get("/api/v1/products/p1", "X-API-Key", key).header("X-RateLimit-Limit")).isEqualTo("60");

        AUTH.register(key, account.withTier("professional"));
        long upgraded = System.nanoTime();
        awaitAnswer(client, "/api/v1/products/p1", "X-API-Key", key,
                response -> "1000".equals(response.header("X-RateLimit-Limit")));

        assertThat(Duration.ofNanos(System.nanoTime() - upgraded)).isLessThan(TTL.plusMillis(1500));
    }

    @Test
    void principalIsNotCachedPastItsJwtExpiryMinusTheMargin() {
        String key = "crow_shortjwt" + nextId();
        // jwt-expiry-margin is 30 s: a JWT with 30 s left must not be served from the cache at all.
        AUTH.register(key, Account.apiKey("key-short-" + nextId(), "org-short", "free").withJwtTtl(30));
        GatewayClient client = client();

        client.get("/api/v1/products/p1", "X-API-Key", key);
        client.get("/api/v1/products/p1", "X-API-Key", key);

        assertThat(AUTH.callsFor(key)).isEqualTo(2);
    }

    @Test
    void refusalsAreNotCached() {
        String key = "crow_later" + nextId();
        GatewayClient client = client();
        assertThat(client.get("/api/v1/products/p1", "X-API-Key", key).status()).isEqualTo(401);

        AUTH.register(key, Account.apiKey("key-later-" + nextId(), "org-later", "free"));

        assertThat(client.get("/api/v1/products/p1", "X-API-Key", key).status()).isEqualTo(200);
    }

    private void awaitAnswer(GatewayClient client, String path, String header, String value,
            Predicate<Response> condition) {
        await().atMost(TTL.plusSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> condition.test(client.get(path, header, value)));
    }

    private double cacheGets(String result) {
        FunctionCounter counter = registry.find("cache.gets").tag("cache", "crow.gateway.principals")
                .tag("result", result).functionCounter();
        return counter == null ? 0 : counter.count();
    }
}
