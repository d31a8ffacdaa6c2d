package dev.crow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.platform.security.AuthMethod;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.InternalJwtVerifier;
import dev.crow.platform.security.Permission;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** POST /internal/auth/introspect as the gateway calls it, and the tier endpoint billing calls. */
class IntrospectionIntegrationTests extends AuthIntegrationTestSupport {

    @Autowired
    InternalJwtVerifier verifier;

    @Test
    void aSessionCookieIntrospectsToTheContractShape() {
        SignedIn owner = signUpWithOrganization();
        String cookie = URLDecoder.decode(owner.client().sessionCookie(), StandardCharsets.UTF_8);

        var answer = internal("/internal/auth/introspect", Map.of("type", "cookie", "credential", cookie));
        assertThat(answer.status()).isEqualTo(200);
        JsonNode body = answer.json();
        assertThat(body.propertyNames()).containsExactlyInAnyOrder("principal", "jwt", "jwtExpiresAt");
        JsonNode principal = body.path("principal");
        assertThat(principal.propertyNames()).containsExactlyInAnyOrder("userId", "organizationId", "role",
                "permissions", "tier", "authMethod", "apiKeyId", "rateLimit");
        assertThat(principal.path("userId").asString()).isEqualTo(owner.userId());
        assertThat(principal.path("organizationId").asString()).isEqualTo(owner.organizationId());
        assertThat(principal.path("role").asString()).isEqualTo("owner");
        assertThat(principal.path("permissions").size()).isEqualTo(Permission.values().length);
        assertThat(principal.path("tier").asString()).isEqualTo("free");
        assertThat(principal.path("authMethod").asString()).isEqualTo("session");
        assertThat(principal.path("apiKeyId").isNull()).isTrue();
        assertThat(principal.path("rateLimit").isNull()).isTrue();
        long expiresAt = body.path("jwtExpiresAt").asLong();
        assertThat(expiresAt).isBetween(Instant.now().plusSeconds(290).getEpochSecond(),
                Instant.now().plusSeconds(301).getEpochSecond());

        CallerContext caller = verifier.verify(body.path("jwt").asString()).orElseThrow();
        assertThat(caller.userId()).isEqualTo(owner.userId());
        assertThat(caller.organizationId()).isEqualTo(owner.organizationId());
        assertThat(caller.role()).isEqualTo("owner");
        assertThat(caller.tier()).isEqualTo("free");
        assertThat(caller.authMethod()).isEqualTo(AuthMethod.SESSION);
        assertThat(caller.permissions()).containsExactlyInAnyOrder(Permission.values());
    }

    @Test
    void bearerSessionTokensRawOrSignedIntrospect() {
        SignedIn owner = signUpWithOrganization();
        String signed = URLDecoder.decode(owner.client().sessionCookie(), StandardCharsets.UTF_8);
        for (String credential : new String[] {owner.token(), signed}) {
            var answer = internal("/internal/auth/introspect", Map.of("type", "bearer", "credential", credential));
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().path("principal").path("userId").asString()).isEqualTo(owner.userId());
        }
    }

    @Test
    void anApiKeyIntrospectsWithItsKeyIdAndAMatchingJwt() {
        SignedIn owner = signUpWithOrganization();
        var created = owner.client().post("/api-key/create", Map.of("name", "mcp", "permissions", java.util.List.of("patterns", "chat")));
        String key = created.json().path("key").asString();
        for (String type : new String[] {"api_key", "bearer"}) {
            JsonNode body = internal("/internal/auth/introspect", Map.of("type", type, "credential", key)).json();
            CallerContext caller = verifier.verify(body.path("jwt").asString()).orElseThrow();
            assertThat(caller.authMethod()).isEqualTo(AuthMethod.API_KEY);
            assertThat(caller.apiKeyId()).isEqualTo(created.json().path("id").asString());
            assertThat(caller.permissions()).containsExactlyInAnyOrder(Permission.PATTERNS, Permission.CHAT);
            assertThat(caller.organizationId()).isEqualTo(owner.organizationId());
        }
    }

    @Test
    void unsignedBadlySignedAndUnknownCredentialsAre401() {
        SignedIn owner = signUpWithOrganization();
        String signed = URLDecoder.decode(owner.client().sessionCookie(), StandardCharsets.UTF_8);
        String badSignature = signed.substring(0, signed.length() - 4) + "AAA=";
        for (Map<String, String> request : new Map[] {
                Map.of("type", "cookie", "credential", owner.token()),
                Map.of("type", "cookie", "credential", badSignature),
                Map.of("type", "bearer", "credential", badSignature),
                Map.of("type", "bearer", "credential", "no-such-session-token"),
                Map.of("type", "api_key", "credential", owner.token())}) {
            var answer = internal("/internal/auth/introspect", request);
            assertThat(answer.status()).as("%s", request).isEqualTo(401);
            assertThat(answer.json().propertyNames()).containsExactlyInAnyOrder("error", "code", "message", "requestId");
        }
    }

    @Test
    void malformedIntrospectionRequestsAre400() {
        assertThat(internal("/internal/auth/introspect", Map.of("type", "password", "credential", "x")).status()).isEqualTo(400);
        assertThat(internal("/internal/auth/introspect", Map.of("type", "cookie")).status()).isEqualTo(400);
        assertThat(internal("/internal/auth/introspect", Map.of("credential", "x")).status()).isEqualTo(400);
    }

    @Test
    void aSessionWithoutAnActiveOrganizationHasNoFeaturePermissions() {
        BetterAuthClient browser = client();
        var signUp = browser.post("/sign-up/email", Map.of("name", "Loner", "email", uniqueEmail("loner-corp.com"), "password", PASSWORD));
        JsonNode principal = internal("/internal/auth/introspect",
                Map.of("type", "bearer", "credential", signUp.json().path("token").asString())).json().path("principal");
        assertThat(principal.path("organizationId").isNull()).isTrue();
        assertThat(principal.path("role").isNull()).isTrue();
        assertThat(principal.path("permissions").size()).isZero();
        assertThat(principal.path("tier").asString()).isEqualTo("free");
    }

    @Test
    void tierChangesShowInThePrincipalAndEnterpriseLimitsTravelWithIt() {
        SignedIn owner = signUpWithOrganization();
        String path = "/internal/auth/organizations/" + owner.organizationId() + "/tier";

        var enterprise = internal(path, Map.of("tier", "enterprise", "rateLimit", Map.of("perMinute", 5000, "perDay", 5_000_000)));
        assertThat(enterprise.status()).isEqualTo(200);
        assertThat(enterprise.json().path("tier").asString()).isEqualTo("enterprise");
        JsonNode principal = introspectToken(owner);
        assertThat(principal.path("tier").asString()).isEqualTo("enterprise");
        assertThat(principal.path("rateLimit").path("perMinute").asLong()).isEqualTo(5000);
        assertThat(principal.path("rateLimit").path("perDay").asLong()).isEqualTo(5_000_000);

        assertThat(internal(path, Map.of("tier", "starter")).status()).isEqualTo(200);
        principal = introspectToken(owner);
        assertThat(principal.path("tier").asString()).isEqualTo("starter");
        assertThat(principal.path("rateLimit").isNull()).isTrue();
    }

    @Test
    void theTierEndpointValidatesItsInput() {
        SignedIn owner = signUpWithOrganization();
        String path = "/internal/auth/organizations/" + owner.organizationId() + "/tier";
        assertThat(internal(path, Map.of("tier", "platinum")).status()).isEqualTo(400);
        assertThat(internal(path, Map.of("tier", "free", "rateLimit", Map.of("perMinute", 1, "perDay", 1))).status()).isEqualTo(400);
        assertThat(internal(path, Map.of("tier", "enterprise", "rateLimit", Map.of("perMinute", 0, "perDay", 1))).status()).isEqualTo(400);
        assertThat(internal("/internal/auth/organizations/" + java.util.UUID.randomUUID() + "/tier", Map.of("tier", "free")).status())
                .isEqualTo(404);
        assertThat(internal("/internal/auth/organizations/nope/tier", Map.of("tier", "free")).status()).isEqualTo(404);
        var withoutServiceKey = client().origin(null).send("POST", path, Map.of("tier", "enterprise"), Map.of());
        assertThat(withoutServiceKey.status()).isEqualTo(401);
    }

    private JsonNode introspectToken(SignedIn owner) {
        return internal("/internal/auth/introspect", Map.of("type", "bearer", "credential", owner.token())).json()
                .path("principal");
    }
}
