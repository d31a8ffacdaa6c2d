package dev.crow.gateway.auth;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.crow.gateway.support.FakeAuthService.Account;
import dev.crow.gateway.support.GatewayClient;
import dev.crow.gateway.support.GatewayClient.Response;
import dev.crow.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTests extends GatewayTestSupport {

    @AfterEach
    void authServiceBack() {
        AUTH.unavailable(false);
    }

    @Test
    void apiKeyInXApiKeyHeaderIsExchangedForTheInternalJwt() {
        String key = apiKey("free");

        Response response = client().get("/api/v1/products/p1", "X-API-Key", key);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.forwarded("Authorization")).startsWith("Bearer eyJhbGciOiJFZERTQSJ9.test-user-of-key-");
        assertThat(response.forwarded("X-Organization-Id")).isEqualTo("org-free");
        assertThat(response.forwarded("X-API-Key")).isNull();
    }

    @Test
    void apiKeyInApiKeyHeaderIsAccepted() {
        Response response = client().get("/api/v1/products/p1", "ApiKey", apiKey("starter"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.forwarded("X-Organization-Id")).isEqualTo("org-starter");
        assertThat(response.forwarded("ApiKey")).isNull();
    }

    @Test
    void apiKeyAsBearerTokenIsAccepted() {
        Response response = client().get("/api/v1/products/x", "Authorization", "Bearer " + apiKey("free"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.forwarded("Authorization")).startsWith("Bearer eyJhbGciOiJFZERTQSJ9.test-");
    }

    @Test
    void sessionTokenAsBearerIsAccepted() {
        String token = "session" + nextId() + ".c2lnbmF0dXJlLW9mLXRoZS10b2tlbi1mb3ItdGVzdHM=";
        Account account = Account.session("user-bearer-" + nextId(), "org-bearer", "free");
        AUTH.register(token, account);

        Response response = client().get("/api/v1/users/me", "Authorization", "Bearer " + token);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.forwarded("Authorization")).isEqualTo("Bearer " + account.jwt());
        assertThat(response.forwarded("X-Organization-Id")).isEqualTo("org-bearer");
    }

    @Test
    void sessionCookieIsAcceptedUrlDecoded() {
        String signed = "tok" + nextId() + ".ab+cd/ef==";
        Account account = Account.session("user-cookie-" + nextId(), "org-cookie", "free");
        AUTH.register(signed, account);
        String cookie = "theme=dark; better-auth.session_token=" + URLEncoder.encode(signed, StandardCharsets.UTF_8);

        Response response = client().get("/api/v1/users/me", "Cookie", cookie);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.forwarded("Authorization")).isEqualTo("Bearer " + account.jwt());
        assertThat(response.forwarded("Cookie")).isNull();
    }

    @Test
    void secureSessionCookieIsAccepted() {
        String signed = "tok" + nextId() + ".secure==";
        Account account = Account.session("user-secure-" + nextId(), null, "free");
        AUTH.register(signed, account);

        Response response = client().get("/api/v1/users/me", "Cookie",
                "__Secure-better-auth.session_token=" + URLEncoder.encode(signed, StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.forwarded("Authorization")).isEqualTo("Bearer " + account.jwt());
        assertThat(response.forwarded("X-Organization-Id")).as("no active organization").isNull();
    }

    @Test
    void missingCredentialIsUnauthorizedInPlatformFormat() {
        Response response = client().get("/api/v1/interactions");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("error").asString()).isEqualTo("Authentication required");
        assertThat(response.json().path("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(response.json().path("message").asString()).isEqualTo("Authentication required");
        assertThat(response.json().path("requestId").asString()).isEqualTo(response.header("X-Request-Id"));
        assertThat(response.header("X-RateLimit-Limit")).isEqualTo("10");
    }

    @Test
    void unknownRevokedOrMalformedCredentialsAreUnauthorized() {
        GatewayClient client = client();
        Response unknownKey = client.get("/api/v1/interactions", "X-API-Key", "crow_unknown" + nextId());
        Response forgedJwt = client.get("/api/v1/interactions", "Authorization",
                "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");
        Response badCookie = client.get("/api/v1/interactions", "Cookie", "better-auth.session_token=%zz");
        Response emptyKey = client.get("/api/v1/interactions", "X-API-Key", "");
        Response basic = client.get("/api/v1/interactions", "Authorization", "Basic dXNlcjpwYXNz");

        for (Response response : new Response[] {unknownKey, forgedJwt, badCookie, emptyKey, basic}) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.json().path("code").asString()).isEqualTo("UNAUTHORIZED");
        }
        assertThat(unknownKey.body()).doesNotContain("crow_unknown");
    }

    @Test
    void spoofedIdentityHeadersNeverReachServices() {
        String key = apiKey("free");

        Response response = client().get("/api/v1/products/p1",
                "X-API-Key", key,
                "X-Organization-Id", "org-of-someone-else",
                "X-User-Id", "admin",
                "X-Service-API-Key", "guessed",
                "X-Internal-Caller", "gateway",
                "X-Real-IP", "10.0.0.1",
                "Forwarded", "for=10.0.0.1",
                "X-Request-Id", "bad id with spaces",
                "Cookie", "better-auth.session_token=abc",
                "X-Custom", "kept");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.forwarded("X-Organization-Id")).isEqualTo("org-free");
        assertThat(response.forwarded("Authorization")).startsWith("Bearer eyJhbGciOiJFZERTQSJ9.test-");
        assertThat(response.forwardedNames()).doesNotContain("x-user-id", "x-service-api-key", "x-internal-caller",
                "forwarded", "cookie", "x-api-key");
        assertThat(response.forwarded("X-Real-IP")).isNotEqualTo("10.0.0.1");
        assertThat(response.forwarded("X-Request-Id")).isEqualTo(response.header("X-Request-Id"))
                .matches("[0-9a-f]{32}");
        assertThat(response.forwarded("X-Custom")).isEqualTo("kept");
    }

    @Test
    void clientIpAndRequestIdAreForwarded() {
        GatewayClient client = client();

        Response response = client.get("/api/v1/products/p1", "X-API-Key", apiKey("free"), "X-Request-Id",
                "client-trace_1.2");

        assertThat(response.forwarded("X-Forwarded-For")).isEqualTo(client.clientIp());
        assertThat(response.forwarded("X-Real-IP")).isEqualTo(client.clientIp());
        assertThat(response.forwarded("X-Forwarded-Proto")).isEqualTo("http");
        assertThat(response.forwarded("X-Request-Id")).isEqualTo("client-trace_1.2");
        assertThat(response.headerValues("X-Request-Id")).containsExactly("client-trace_1.2");
        assertThat(response.headerValues("X-RateLimit-Limit")).as("the gateway's value only").containsExactly("60");
    }

    @Test
    void publicRoutesCarryNoPrincipal() {
        String key = apiKey("free");
        GatewayClient client = client();

        Response health = client.get("/api/v1/products/health", "X-API-Key", key);
        Response image = client.get("/api/v1/products/images/abc123.png", "X-API-Key", key);
        Response webhook = client.post("/api/v1/billing/webhook", "{}", "Stripe-Signature", "t=1,v1=abc");
        Response anonymous = client.get("/api/v1/chat/ready");

        for (Response response : new Response[] {health, image, webhook, anonymous}) {
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.forwardedNames()).doesNotContain("authorization", "x-organization-id", "x-api-key");
        }
        assertThat(webhook.forwarded("Stripe-Signature")).isEqualTo("t=1,v1=abc");
    }

    @Test
    void productImagesArePublicOnlyForReading() {
        Response upload = client().post("/api/v1/products/images/abc123.png", "{}");

        assertThat(upload.status()).isEqualTo(401);
    }

    @Test
    void authRoutesPassTheClientsCredentialsUnchangedWithoutInternalJwt() {
        String cookie = "better-auth.session_token=raw%2Bvalue.sig%3D";

        Response response = client().get("/api/v1/auth/organization/list", "Cookie", cookie, "Authorization",
                "Bearer some-session-token", "X-Organization-Id", "spoofed");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("service").asString()).isEqualTo("auth");
        assertThat(response.forwarded("Cookie")).isEqualTo(cookie);
        assertThat(response.forwarded("Authorization")).isEqualTo("Bearer some-session-token");
        assertThat(response.forwardedNames()).doesNotContain("x-organization-id");
    }

    @Test
    void getSessionWithoutSessionIsForwardedAndAnswersNull() {
        Response response = client().get("/api/v1/auth/get-session");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("null");
    }

    @Test
    void jwksIsPublic() {
        Response response = client().get("/api/v1/auth/jwks");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("path").asString()).isEqualTo("/api/v1/auth/jwks");
    }

    @Test
    void authServiceTroubleIsServiceUnavailableNotUnauthorized() {
        String key = "crow_trouble" + nextId();
        AUTH.register(key, Account.apiKey("key-trouble-" + nextId(), "org-t", "free"));
        AUTH.unavailable(true);

        Response response = client().get("/api/v1/products/p1", "X-API-Key", key);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().path("code").asString()).isEqualTo("UPSTREAM_UNAVAILABLE");
        assertThat(response.header("X-RateLimit-Limit")).isNotNull();
    }

    @Test
    void answerThatCouldNotTravelInAHeaderIsNotForwarded() {
        String key = "crow_injection" + nextId();
        AUTH.register(key, Account.apiKey("key-inj-" + nextId(), "org-x\r\nX-Injected: yes", "free"));

        Response response = client().get("/api/v1/products/p1", "X-API-Key", key);

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().path("code").asString()).isEqualTo("UPSTREAM_UNAVAILABLE");
    }

    @Test
    void mcpReceivesTheCallersApiKeyToCallBackAsTheCaller() {
        String key = apiKey("free");

        Response viaBearer = client().post("/api/v1/mcp", "{}", "Authorization", "Bearer " + key);
        Response viaHeader = client().post("/api/v1/mcp", "{}", "X-API-Key", key);

        assertThat(viaBearer.forwarded("X-API-Key")).isEqualTo(key);
        assertThat(viaBearer.forwarded("Authorization")).startsWith("Bearer eyJhbGciOiJFZERTQSJ9.test-");
        assertThat(viaHeader.forwarded("X-API-Key")).isEqualTo(key);
    }
}
