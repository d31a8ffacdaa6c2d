package dev.crow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.test.TestServiceKeys;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** API keys through api-key/create|list|delete, the internal verify and introspection. */
class ApiKeyIntegrationTests extends AuthIntegrationTestSupport {

    @Test
    void aFreshKeyVerifiesWithItsOwnerAndOrganization() {
        SignedIn owner = signUpWithOrganization();
        String key = owner.client().post("/api-key/create", Map.of("name", "sdk")).json().path("key").asString();

        var verified = verify(key);
        assertThat(verified.status()).isEqualTo(200);
        JsonNode body = verified.json();
        assertThat(body.path("valid").asBoolean()).isTrue();
        assertThat(body.path("error").isNull()).isTrue();
        assertThat(body.path("key").path("userId").asString()).isEqualTo(owner.userId());
        assertThat(body.path("key").path("referenceId").asString()).isEqualTo(owner.organizationId());
        assertThat(body.path("key").has("key")).isFalse();
        assertThat(verified.body()).doesNotContain(key);
    }

    @Test
    void unknownRevokedExpiredAndDisabledKeysAreInvalidOnVerifyAnd401OnIntrospect() {
        SignedIn owner = signUpWithOrganization();
        String revoked = create(owner, Map.of("name", "revoked"));
        String revokedId = keyId(revoked);
        assertThat(owner.client().post("/api-key/delete", Map.of("keyId", revokedId)).status()).isEqualTo(200);

        String expired = create(owner, Map.of("name", "expired", "expiresIn", 86_400));
        jdbc.update("update api_keys set expires_at = ? where key_hash = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
                Hashes.sha256(expired));

        String disabled = create(owner, Map.of("name", "disabled"));
        jdbc.update("update api_keys set enabled = false where key_hash = ?", Hashes.sha256(disabled));

        String unknown = "crow_" + "Q".repeat(64);
        Map<String, String> expectedCodes = Map.of(unknown, "INVALID_API_KEY", revoked, "INVALID_API_KEY",
                "not-a-key", "INVALID_API_KEY", expired, "KEY_EXPIRED", disabled, "KEY_DISABLED");
        expectedCodes.forEach((key, code) -> {
            var verified = verify(key);
            assertThat(verified.status()).isEqualTo(200);
            assertThat(verified.json().path("valid").asBoolean()).isFalse();
            assertThat(verified.json().path("key").isNull()).isTrue();
            assertThat(verified.json().path("error").path("code").asString()).isEqualTo(code);

            var introspected = internal("/internal/auth/introspect", Map.of("type", "api_key", "credential", key));
            assertThat(introspected.status()).isEqualTo(401);
            assertThat(introspected.code()).isEqualTo("UNAUTHORIZED");
            assertThat(withoutRequestId(introspected.body())).isEqualTo(withoutRequestId(
                    internal("/internal/auth/introspect", Map.of("type", "api_key", "credential", unknown)).body()));
        });
    }

    @Test
    void lastRequestIsRecordedAtMostOnceAMinute() {
        SignedIn owner = signUpWithOrganization();
        String key = create(owner, Map.of("name", "busy"));
        assertThat(lastRequest(key)).isNull();

        JsonNode first = verify(key).json().path("key");
        Instant recorded = lastRequest(key);
        assertThat(recorded).isNotNull();
        assertThat(Instant.parse(first.path("lastRequest").asString())).isEqualTo(recorded);

        verify(key);
        internal("/internal/auth/introspect", Map.of("type", "api_key", "credential", key));
        assertThat(lastRequest(key)).isEqualTo(recorded);

        jdbc.update("update api_keys set last_request = ? where key_hash = ?",
                java.sql.Timestamp.from(recorded.minusSeconds(120)), Hashes.sha256(key));
        internal("/internal/auth/introspect", Map.of("type", "api_key", "credential", key));
        assertThat(lastRequest(key)).isAfter(recorded.minusSeconds(120));
    }

    @Test
    void expiresInSetsTheExpiryWithinBetterAuthsBounds() {
        SignedIn owner = signUpWithOrganization();
        var created = owner.client().post("/api-key/create", Map.of("name", "week", "expiresIn", 7 * 86_400));
        Instant expiresAt = Instant.parse(created.json().path("expiresAt").asString());
        Instant createdAt = Instant.parse(created.json().path("createdAt").asString());
        assertThat(expiresAt).isEqualTo(createdAt.plusSeconds(7 * 86_400));

        var tooSmall = owner.client().post("/api-key/create", Map.of("name", "x", "expiresIn", 60));
        assertThat(tooSmall.status()).isEqualTo(400);
        assertThat(tooSmall.code()).isEqualTo("EXPIRES_IN_IS_TOO_SMALL");
        var tooLarge = owner.client().post("/api-key/create", Map.of("name", "x", "expiresIn", 400 * 86_400));
        assertThat(tooLarge.code()).isEqualTo("EXPIRES_IN_IS_TOO_LARGE");
    }

    @Test
    void aKeyGetsTheRequestedPermissionsIntersectedWithItsOwners() {
        SignedIn owner = signUpWithOrganization();
        var created = owner.client().post("/api-key/create",
                Map.of("name", "browser", "permissions", List.of("interactions:ingest")));
        assertThat(created.json().path("permissions").toString()).isEqualTo("[\"interactions:ingest\"]");
        String key = created.json().path("key").asString();
        var principal = internal("/internal/auth/introspect", Map.of("type", "api_key", "credential", key)).json()
                .path("principal");
        assertThat(principal.path("permissions").toString()).isEqualTo("[\"interactions:ingest\"]");
        assertThat(principal.path("authMethod").asString()).isEqualTo("api_key");
        assertThat(principal.path("apiKeyId").asString()).isEqualTo(created.json().path("id").asString());

        var unknown = owner.client().post("/api-key/create", Map.of("name", "x", "permissions", List.of("everything")));
        assertThat(unknown.status()).isEqualTo(400);
        var empty = owner.client().post("/api-key/create", Map.of("name", "x", "permissions", List.of()));
        assertThat(empty.status()).isEqualTo(400);
    }

    @Test
    void aKeyLosesWhatItsOwnerLoses() {
        SignedIn owner = signUpWithOrganization();
        String key = create(owner, Map.of("name", "demoted"));
        jdbc.update("update members set role = 'member' where user_id = ?::uuid", owner.userId());
        var principal = internal("/internal/auth/introspect", Map.of("type", "api_key", "credential", key)).json()
                .path("principal");
        assertThat(principal.path("role").asString()).isEqualTo("member");
        assertThat(principal.path("permissions").toString())
                .isEqualTo("[\"interactions\",\"interactions:ingest\",\"patterns\",\"products\",\"chat\"]");

        jdbc.update("delete from members where user_id = ?::uuid", owner.userId());
        assertThat(internal("/internal/auth/introspect", Map.of("type", "api_key", "credential", key)).status())
                .isEqualTo(401);
    }

    @Test
    void membersMayNotCreateKeys() {
        SignedIn owner = signUpWithOrganization();
        SignedIn member = signUpWithOrganization();
        jdbc.update("insert into members (id, organization_id, user_id, role, created_at) values (?::uuid, ?::uuid, ?::uuid, 'member', now())",
                UUID.randomUUID().toString(), owner.organizationId(), member.userId());
        assertThat(member.client().post("/organization/set-active", Map.of("organizationId", owner.organizationId())).status())
                .isEqualTo(200);

        var refused = member.client().post("/api-key/create", Map.of("name", "not allowed"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("message").asString()).contains("apiKeyManagement");
    }

    @Test
    void creatingAKeyNeedsASessionAndAnActiveOrganization() {
        assertThat(client().post("/api-key/create", Map.of("name", "anonymous")).status()).isEqualTo(401);
        assertThat(client().get("/api-key/list").status()).isEqualTo(401);

        BetterAuthClient browser = client();
        browser.post("/sign-up/email", Map.of("name", "No Org", "email", uniqueEmail("noorg-corp.com"), "password", PASSWORD));
        var refused = browser.post("/api-key/create", Map.of("name", "x"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("NO_ACTIVE_ORGANIZATION");
    }

    @Test
    void nobodyListsOrDeletesSomebodyElsesKeys() {
        SignedIn owner = signUpWithOrganization();
        SignedIn other = signUpWithOrganization();
        String key = create(owner, Map.of("name", "mine"));

        assertThat(other.client().get("/api-key/list").json().path("total").asInt()).isZero();
        var deleted = other.client().post("/api-key/delete", Map.of("keyId", keyId(key)));
        assertThat(deleted.status()).isEqualTo(404);
        assertThat(deleted.code()).isEqualTo("KEY_NOT_FOUND");
        assertThat(other.client().post("/api-key/delete", Map.of("keyId", "not-a-uuid")).code()).isEqualTo("KEY_NOT_FOUND");
        assertThat(verify(key).json().path("valid").asBoolean()).isTrue();
    }

    private BetterAuthClient.Response verify(String key) {
        return client().origin(null).send("POST", "/api/v1/auth/api-key/verify", Map.of("key", key),
                Map.of(TestServiceKeys.HEADER, TestServiceKeys.serviceKey()));
    }

    private static String create(SignedIn owner, Map<String, Object> body) {
        var created = owner.client().post("/api-key/create", body);
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        return created.json().path("key").asString();
    }

    private String keyId(String key) {
        return jdbc.queryForObject("select id::text from api_keys where key_hash = ?", String.class, Hashes.sha256(key));
    }

    private Instant lastRequest(String key) {
        java.sql.Timestamp value = jdbc.queryForObject("select last_request from api_keys where key_hash = ?",
                java.sql.Timestamp.class, Hashes.sha256(key));
        return value == null ? null : value.toInstant();
    }

    private static String withoutRequestId(String body) {
        return body.replaceAll("\"requestId\":\"[^\"]*\"", "");
    }
}
