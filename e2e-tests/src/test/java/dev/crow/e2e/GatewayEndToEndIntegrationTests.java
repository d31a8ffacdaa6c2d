package dev.crow.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import dev.crow.test.TestJwts;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The gateway in front of the real auth-service and a service built on the starter, driven over
 * HTTP the way dashboards and SDKs call it (issue: gateway).
 */
class GatewayEndToEndIntegrationTests {

    private static E2EPlatform platform;
    private static String gateway;

    @BeforeAll
    static void platform() {
        platform = E2EPlatform.get();
        gateway = platform.gateway();
    }

    private static JsonNode echo(Client.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void everyCredentialFormReachesTheServiceAsAVerifiedCallerOfItsOrganization() {
        Accounts.Owner owner = Accounts.owner(gateway);
        Client sdk = new Client(gateway);
        List<String[]> apiKeyForms = List.of(
                new String[] {"X-API-Key", owner.apiKey()},
                new String[] {"Authorization", "Bearer " + owner.apiKey()},
                new String[] {"ApiKey", owner.apiKey()});
        for (String[] form : apiKeyForms) {
            JsonNode seen = echo(sdk.get("/api/v1/cctv/echo/hello", form[0], form[1]));
            assertThat(seen.path("caller").path("organizationId").asString()).as(form[0]).isEqualTo(owner.organizationId());
            assertThat(seen.path("caller").path("authMethod").asString()).isEqualTo("API_KEY");
            assertThat(seen.path("caller").path("apiKeyId").asString()).isEqualTo(owner.apiKeyId());
            assertThat(seen.path("headers").path("x-organization-id").asString()).isEqualTo(owner.organizationId());
            String forwarded = seen.path("headers").path("authorization").asString();
            assertThat(forwarded).startsWith("Bearer ").doesNotContain(owner.apiKey());
            assertThat(forwarded.substring(7).split("\\.")).hasSize(3);
            assertThat(seen.path("headers").has("x-api-key")).isFalse();
            assertThat(seen.path("headers").has("apikey")).isFalse();
        }

        JsonNode bySession = echo(owner.browser().get("/api/v1/cctv/echo/hello"));
        assertThat(bySession.path("caller").path("userId").asString()).isEqualTo(owner.userId());
        assertThat(bySession.path("caller").path("authMethod").asString()).isEqualTo("SESSION");
        assertThat(bySession.path("caller").path("role").asString()).as(bySession.toString()).isEqualTo("owner");
        assertThat(bySession.path("headers").path("x-organization-id").asString()).isEqualTo(owner.organizationId());

        JsonNode byBearerSession = echo(new Client(gateway).get("/api/v1/cctv/echo/hello",
                "Authorization", "Bearer " + owner.browser().sessionToken()));
        assertThat(byBearerSession.path("caller").path("userId").asString()).isEqualTo(owner.userId());
    }

    @Test
    void spoofedIdentityHeadersNeverReachAService() {
        Accounts.Owner owner = Accounts.owner(gateway);
        JsonNode seen = echo(new Client(gateway).get("/api/v1/cctv/echo/spoof",
                "X-API-Key", owner.apiKey(),
                "X-Organization-Id", "00000000-0000-0000-0000-000000000001",
                "X-User-Id", "someone-else",
                "X-Service-API-Key", "guessed-service-key",
                "X-Internal-Caller", "admin"));
        JsonNode headers = seen.path("headers");
        assertThat(headers.path("x-organization-id").asString()).isEqualTo(owner.organizationId());
        assertThat(headers.has("x-user-id")).isFalse();
        assertThat(headers.has("x-service-api-key")).isFalse();
        assertThat(headers.has("x-internal-caller")).isFalse();
        assertThat(seen.path("caller").path("organizationId").asString()).isEqualTo(owner.organizationId());
    }

    @Test
    void aJwtForgedByAClientIsNotTrusted() {
        Accounts.Owner owner = Accounts.owner(gateway);
        TestJwts forger = new TestJwts();
        String forged = forger.mint(new CallerContext(owner.userId(), owner.organizationId(), "owner",
                Set.of(Permission.values()), "enterprise", dev.crow.platform.security.AuthMethod.SESSION, null));

        Client.Response viaGateway = new Client(gateway).get("/api/v1/cctv/echo/forged", "Authorization", "Bearer " + forged);
        assertThat(viaGateway.status()).isEqualTo(401);
        assertThat(viaGateway.json().path("code").asString()).isEqualTo("UNAUTHORIZED");

        Client.Response direct = new Client(platform.service("cctv").baseUrl()).get("/api/v1/cctv/echo/forged",
                "Authorization", "Bearer " + forged);
        assertThat(direct.status()).isEqualTo(401);
    }

    @Test
    void unauthenticatedCallsGet401InThePlatformErrorFormatWithRateLimitHeaders() {
        Client.Response response = new Client(gateway).get("/api/v1/cctv/echo/anyone");
        assertThat(response.status()).isEqualTo(401);
        JsonNode body = response.json();
        assertThat(body.path("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(body.path("error").isString()).isTrue();
        assertThat(body.path("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
        assertThat(response.header("X-RateLimit-Limit")).isNotNull();
        assertThat(response.header("X-RateLimit-Remaining")).isNotNull();
        assertThat(response.header("X-RateLimit-Reset")).isNotNull();

        Client.Response badKey = new Client(gateway).get("/api/v1/cctv/echo/anyone", "X-API-Key", "crow_notavalidkey");
        assertThat(badKey.status()).isEqualTo(401);
    }

    @Test
    void theSixtyFirstRequestInAMinuteOnTheFreeTierIsRefused() {
        Accounts.Owner owner = Accounts.owner(gateway);
        Client sdk = new Client(gateway);
        String window = null;
        int allowedInWindow = 0;
        for (int i = 0; i < 150; i++) {
            Client.Response response = sdk.get("/api/v1/cctv/echo/count", "X-API-Key", owner.apiKey());
            String reset = response.header("X-RateLimit-Reset");
            if (!reset.equals(window)) {
                window = reset;
                allowedInWindow = 0;
            }
            if (response.status() == 429) {
                assertThat(allowedInWindow).as("requests allowed in the minute before the refusal").isEqualTo(60);
                assertThat(response.header("X-RateLimit-Limit")).isEqualTo("60");
                assertThat(response.header("X-RateLimit-Remaining")).isEqualTo("0");
                long retryAfter = Long.parseLong(response.header("Retry-After"));
                assertThat(retryAfter).isBetween(1L, 60L);
                assertThat(Long.parseLong(reset)).isBetween(Instant.now().getEpochSecond(),
                        Instant.now().getEpochSecond() + 61);
                JsonNode body = response.json();
                assertThat(body.path("code").asString()).isEqualTo("RATE_LIMIT_EXCEEDED");
                assertThat(body.path("error").asString()).isNotBlank();
                return;
            }
            assertThat(response.status()).isEqualTo(200);
            assertThat(Integer.parseInt(response.header("X-RateLimit-Remaining"))).isEqualTo(59 - allowedInWindow);
            allowedInWindow++;
        }
        throw new AssertionError("no request was refused");
    }

    @Test
    void authRoutesHitTheirStricterPerAddressLimitFirst() {
        Client attacker = new Client(gateway);
        String email = Accounts.uniqueEmail("victim");
        int attempts = 0;
        Client.Response response;
        do {
            response = attacker.post("/api/v1/auth/sign-in/email", Map.of("email", email, "password", "guess-" + attempts));
            attempts++;
        } while (response.status() == 401 && attempts < 60);
        assertThat(response.status()).isEqualTo(429);
        assertThat(attempts).as("sign-in attempts before refusal").isLessThan(11);
        assertThat(Integer.parseInt(response.header("X-RateLimit-Limit"))).isLessThan(60);
        assertThat(response.header("Retry-After")).isNotNull();

        Client.Response otherAddress = new Client(gateway).post("/api/v1/auth/sign-in/email",
                Map.of("email", email, "password", "guess"));
        assertThat(otherAddress.status()).as("another client address has its own budget").isEqualTo(401);
    }

    @Test
    void aRevokedApiKeyAndASignedOutSessionStopWorkingWithinThePrincipalCacheBound() {
        Accounts.Owner owner = Accounts.owner(gateway);
        Client sdk = new Client(gateway);
        echo(sdk.get("/api/v1/cctv/echo/cached", "X-API-Key", owner.apiKey()));

        assertThat(owner.browser().post("/api/v1/auth/api-key/delete", Map.of("keyId", owner.apiKeyId())).status())
                .isEqualTo(200);
        Duration keyRevocation = untilUnauthorized(sdk, "X-API-Key", owner.apiKey());

        Client tokenHolder = new Client(gateway);
        String token = owner.browser().sessionToken();
        echo(tokenHolder.get("/api/v1/cctv/echo/cached", "Authorization", "Bearer " + token));
        assertThat(owner.browser().post("/api/v1/auth/sign-out", Map.of()).status()).isEqualTo(200);
        Duration sessionRevocation = untilUnauthorized(tokenHolder, "Authorization", "Bearer " + token);

        Duration bound = E2EPlatform.PRINCIPAL_CACHE_TTL.plusMillis(1500);
        System.out.printf("revocation took effect after %d ms (API key) and %d ms (session); cache bound %d ms%n",
                keyRevocation.toMillis(), sessionRevocation.toMillis(), E2EPlatform.PRINCIPAL_CACHE_TTL.toMillis());
        assertThat(keyRevocation).isLessThanOrEqualTo(bound);
        assertThat(sessionRevocation).isLessThanOrEqualTo(bound);
    }

    private static Duration untilUnauthorized(Client client, String header, String value) {
        Instant start = Instant.now();
        Instant deadline = start.plus(E2EPlatform.PRINCIPAL_CACHE_TTL.multipliedBy(4));
        while (Instant.now().isBefore(deadline)) {
            int status = client.get("/api/v1/cctv/echo/cached", header, value).status();
            if (status == 401) {
                return Duration.between(start, Instant.now());
            }
            assertThat(status).isEqualTo(200);
            pause(100);
        }
        throw new AssertionError("the credential still worked after " + Duration.between(start, Instant.now()));
    }

    /** Paces a polling loop; the loop itself waits on a condition with a deadline. */
    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void webSocketsAreProxiedWithTheCallersIdentity() throws Exception {
        Accounts.Owner owner = Accounts.owner(gateway);
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("X-API-Key", owner.apiKey())
                .buildAsync(URI.create(gateway.replace("http://", "ws://") + "/api/v1/cctv/ws"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        reply.complete(data.toString());
                        return null;
                    }
                })
                .get(20, TimeUnit.SECONDS);
        socket.sendText("frame-1", true);
        assertThat(reply.get(20, TimeUnit.SECONDS)).isEqualTo("echo:" + owner.organizationId() + ":frame-1");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
    }

    @Test
    void serverSentEventsPassThroughUnbuffered() throws Exception {
        Accounts.Owner owner = Accounts.owner(gateway);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/v1/cctv/echo-stream"))
                .header("X-API-Key", owner.apiKey()).header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Instant headers = Instant.now();
        List<String> lines = new ArrayList<>();
        Duration firstEvent = null;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (firstEvent == null && line.startsWith("data:")) {
                    firstEvent = Duration.between(headers, Instant.now());
                }
            }
        }
        Duration whole = Duration.between(headers, Instant.now());
        assertThat(lines).contains("event:first", "data:organization " + owner.organizationId(), "event:second");
        assertThat(firstEvent).as("first event arrives before the stream ends").isLessThan(whole.minusMillis(1000));
    }

    @Test
    void internalPathsAreNeverRouted() {
        Client.Response response = new Client(gateway).post("/internal/auth/introspect",
                Map.of("type", "api_key", "credential", "crow_x"), "X-Service-API-Key", platform.serviceKey());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("code").asString()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aServiceThatIsNotRunningAnswers503QuicklyWhileTheRestKeepsServing() {
        Accounts.Owner owner = Accounts.owner(gateway);
        Instant start = Instant.now();
        Client.Response down = new Client(gateway).get("/api/v1/chat/sessions", "X-API-Key", owner.apiKey());
        Duration took = Duration.between(start, Instant.now());
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.json().path("code").asString()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(took).isLessThan(Duration.ofSeconds(3));
        echo(new Client(gateway).get("/api/v1/cctv/echo/still-up", "X-API-Key", owner.apiKey()));
    }

    @Test
    void corsAnswersTheDashboardWithCredentialsAndNobodyElse() {
        Client.Response allowed = new Client(gateway).withoutOrigin().send("OPTIONS", "/api/v1/cctv/echo/cors", null,
                "Origin", E2EPlatform.DASHBOARD_ORIGIN, "Access-Control-Request-Method", "POST");
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(E2EPlatform.DASHBOARD_ORIGIN);
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isEqualTo("true");

        Client.Response other = new Client(gateway).withoutOrigin().send("OPTIONS", "/api/v1/cctv/echo/cors", null,
                "Origin", "https://evil.example", "Access-Control-Request-Method", "POST");
        assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void customersSitesMayPostInteractionsCrossOriginWithoutCredentials() {
        Client.Response trackerScript = new Client(gateway).get("/api/v1/interactions/tracker.js");
        assertThat(trackerScript.status()).isEqualTo(200);
        assertThat(trackerScript.header("Content-Type")).contains("javascript");

        Client.Response preflight = new Client(gateway).withoutOrigin().send("OPTIONS", "/api/v1/interactions", null,
                "Origin", "https://shop.example", "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type,x-api-key");
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("https://shop.example");
        assertThat(preflight.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(preflight.header("Access-Control-Allow-Headers")).containsIgnoringCase("X-API-Key");

        Client.Response readElsewhere = new Client(gateway).withoutOrigin().send("OPTIONS",
                "/api/v1/interactions/organization/x", null,
                "Origin", "https://shop.example", "Access-Control-Request-Method", "GET");
        assertThat(readElsewhere.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void healthOfEveryRunningServiceIsPublicThroughTheGateway() {
        for (String service : List.of("auth", "users", "organizations", "cctv")) {
            Client.Response health = new Client(gateway).get("/api/v1/" + service + "/health");
            assertThat(health.status()).as(service).isEqualTo(200);
            assertThat(health.json().path("status").asString()).isEqualTo("UP");
        }
    }
}
