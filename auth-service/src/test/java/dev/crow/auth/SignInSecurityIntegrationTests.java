package dev.crow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.test.TestServiceKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Authentication failures, input rules and mass assignment on the sign-up / sign-in routes. */
class SignInSecurityIntegrationTests extends AuthIntegrationTestSupport {

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401() {
        String email = uniqueEmail("samebody-corp.com");
        client().post("/sign-up/email", Map.of("name", "Known", "email", email, "password", PASSWORD));

        var wrongPassword = client().post("/sign-in/email", Map.of("email", email, "password", "wrong password!"));
        var unknownUser = client().post("/sign-in/email",
                Map.of("email", uniqueEmail("samebody-corp.com"), "password", "wrong password!"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.code()).isEqualTo("INVALID_EMAIL_OR_PASSWORD");
        assertThat(withoutRequestId(wrongPassword.json())).isEqualTo(withoutRequestId(unknownUser.json()));
        assertThat(wrongPassword.json().path("message").asString()).isEqualTo("Invalid email or password");
        assertThat(wrongPassword.json().path("error").asString()).isEqualTo("Invalid email or password");
        assertThat(wrongPassword.setCookies()).isEmpty();
    }

    @Test
    void unknownUsersCostAsMuchArgon2WorkAsWrongPasswords() {
        String email = uniqueEmail("timing-corp.com");
        client().post("/sign-up/email", Map.of("name", "Timed", "email", email, "password", PASSWORD));
        BetterAuthClient server = client().origin(null);
        List<Long> wrong = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            wrong.add(timed(() -> server.post("/sign-in/email", Map.of("email", email, "password", "not the password"))));
            unknown.add(timed(() -> server.post("/sign-in/email",
                    Map.of("email", uniqueEmail("timing-corp.com"), "password", "not the password"))));
        }
        long wrongMedian = median(wrong);
        long unknownMedian = median(unknown);
        // Both paths run one Argon2 comparison; a skipped hash would be an order of magnitude faster.
        assertThat(unknownMedian).as("unknown %d ns vs wrong %d ns", unknownMedian, wrongMedian)
                .isGreaterThan(wrongMedian / 3);
        assertThat(wrongMedian).isGreaterThan(unknownMedian / 3);
    }

    @Test
    void aTamperedCookieIsNoSession() {
        BetterAuthClient browser = client();
        browser.post("/sign-up/email", Map.of("name", "Tamper", "email", uniqueEmail("tamper-corp.com"), "password", PASSWORD));
        String cookie = browser.sessionCookie();
        assertThat(browser.get("/get-session").json().path("session").isObject()).isTrue();

        int signatureStart = cookie.lastIndexOf('.') + 1;
        char flipped = cookie.charAt(signatureStart) == 'A' ? 'B' : 'A';
        String badSignature = cookie.substring(0, signatureStart) + flipped + cookie.substring(signatureStart + 1);
        String otherToken = (cookie.charAt(0) == 'A' ? 'B' : 'A') + cookie.substring(1);
        String unsigned = cookie.substring(0, cookie.lastIndexOf('.'));
        for (String forged : List.of(badSignature, otherToken, unsigned, "garbage", "")) {
            BetterAuthClient attacker = client();
            attacker.setCookie("better-auth.session_token", forged);
            var session = attacker.get("/get-session");
            assertThat(session.status()).isEqualTo(200);
            assertThat(session.body()).as("forged cookie %s", forged).isEqualTo("null");
            assertThat(attacker.get("/token").status()).isEqualTo(401);
        }
    }

    @Test
    void getSessionWithoutCredentialsIsNullNot401() {
        var session = client().get("/get-session");
        assertThat(session.status()).isEqualTo(200);
        assertThat(session.body()).isEqualTo("null");
        assertThat(session.header("content-type").orElseThrow()).startsWith("application/json");
    }

    @Test
    void signUpRejectsConsumerEmailDomainsWithAClearCode() {
        for (String domain : List.of("gmail.com", "yahoo.co.uk", "hotmail.fr", "outlook.com", "icloud.com", "proton.me")) {
            var answer = client().post("/sign-up/email",
                    Map.of("name", "Consumer", "email", uniqueEmail(domain), "password", PASSWORD));
            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.code()).isEqualTo("CONSUMER_EMAIL_DOMAIN");
            assertThat(answer.json().propertyNames()).containsExactlyInAnyOrder("error", "code", "message", "requestId");
        }
    }

    @Test
    void signUpEnforcesPasswordLength() {
        var tooShort = client().post("/sign-up/email",
                Map.of("name", "Short", "email", uniqueEmail("pw-corp.com"), "password", "1234567"));
        assertThat(tooShort.status()).isEqualTo(400);
        assertThat(tooShort.code()).isEqualTo("PASSWORD_TOO_SHORT");
        var tooLong = client().post("/sign-up/email",
                Map.of("name", "Long", "email", uniqueEmail("pw-corp.com"), "password", "x".repeat(129)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.code()).isEqualTo("PASSWORD_TOO_LONG");
        var longest = client().post("/sign-up/email",
                Map.of("name", "Longest", "email", uniqueEmail("pw-corp.com"), "password", "x".repeat(128)));
        assertThat(longest.status()).isEqualTo(200);
    }

    @Test
    void signUpValidatesNameAndEmailWithoutLeakingDetails() {
        var noName = client().post("/sign-up/email", Map.of("email", uniqueEmail("valid-corp.com"), "password", PASSWORD));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(noName.json().path("message").asString()).startsWith("Invalid request parameters");
        var badEmail = client().post("/sign-up/email", Map.of("name", "x", "email", "not-an-email", "password", PASSWORD));
        assertThat(badEmail.status()).isEqualTo(400);
        var malformed = client().post("/sign-up/email", "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("Exception", "jackson");
    }

    @Test
    void hostileStringsAre400NotServerErrors() {
        var nulName = client().post("/sign-up/email", Map.of("name", "a\u0000b", "email", uniqueEmail("nul-corp.com"), "password", PASSWORD));
        assertThat(nulName.status()).isEqualTo(400);
        SignedIn user = signUpWithOrganization();
        var nulOrganization = user.client().post("/organization/create", Map.of("name", "x\u0000", "slug", uniqueSlug("nul")));
        assertThat(nulOrganization.status()).isEqualTo(400);
        var nulKeyName = user.client().post("/api-key/create", Map.of("name", "k\u0000"));
        assertThat(nulKeyName.status()).isEqualTo(400);
        var nulSlug = user.client().post("/organization/set-active", Map.of("organizationSlug", "a\u0000"));
        assertThat(nulSlug.status()).isEqualTo(403);
        var wrongTypes = user.client().post("/api-key/create", Map.of("name", Map.of("x", 1), "expiresIn", "soon"));
        assertThat(wrongTypes.status()).isEqualTo(400);
        var textBody = user.client().send("POST", "/api/v1/auth/sign-in/email", null, Map.of("Content-Type", "text/plain"));
        assertThat(textBody.status()).isBetween(400, 415);
    }

    @Test
    void aTakenEmailIs422WhateverItsCase() {
        String email = uniqueEmail("taken-corp.com");
        client().post("/sign-up/email", Map.of("name", "First", "email", email, "password", PASSWORD));
        var again = client().post("/sign-up/email", Map.of("name", "Second", "email", email.toUpperCase(), "password", PASSWORD));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.code()).isEqualTo("USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL");
    }

    @Test
    void extraFieldsInSignUpAreIgnored() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Mallory");
        body.put("email", uniqueEmail("mass-corp.com"));
        body.put("password", PASSWORD);
        body.put("id", "00000000-0000-0000-0000-000000000001");
        body.put("userId", "00000000-0000-0000-0000-000000000001");
        body.put("emailVerified", true);
        body.put("role", "admin");
        body.put("tier", "enterprise");
        body.put("organizationId", "00000000-0000-0000-0000-000000000002");
        body.put("image", "https://evil.example/x.png");
        var answer = client().post("/sign-up/email", body);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode user = answer.json().path("user");
        assertThat(user.path("id").asString()).isNotEqualTo("00000000-0000-0000-0000-000000000001");
        assertThat(user.path("emailVerified").asBoolean()).isFalse();
        assertThat(user.path("image").isNull()).isTrue();
        assertThat(user.has("role")).isFalse();
        assertThat(jdbc.queryForObject("select email_verified from users where id = ?::uuid", Boolean.class,
                user.path("id").asString())).isFalse();
    }

    @Test
    void extraFieldsInOrganizationAndApiKeyBodiesAreIgnored() {
        SignedIn victim = signUpWithOrganization();
        SignedIn attacker = signUpWithOrganization();

        var organization = attacker.client().post("/organization/create", Map.of("name", "Mine", "slug", uniqueSlug("mine"),
                "userId", victim.userId(), "tier", "enterprise", "id", victim.organizationId()));
        assertThat(organization.status()).isEqualTo(200);
        String organizationId = organization.json().path("id").asString();
        assertThat(organizationId).isNotEqualTo(victim.organizationId());
        assertThat(organization.json().path("members").get(0).path("userId").asString()).isEqualTo(attacker.userId());
        assertThat(jdbc.queryForObject("select tier from organizations where id = ?::uuid", String.class, organizationId))
                .isEqualTo("free");
        assertThat(jdbc.queryForObject("select count(*) from members where organization_id = ?::uuid and user_id = ?::uuid",
                Integer.class, organizationId, victim.userId())).isZero();

        var key = attacker.client().post("/api-key/create", Map.of("name", "k", "userId", victim.userId(),
                "organizationId", victim.organizationId(), "referenceId", victim.organizationId(), "prefix", "admin_",
                "enabled", false, "metadata", Map.of("organizationId", victim.organizationId())));
        assertThat(key.status()).isEqualTo(200);
        assertThat(key.json().path("userId").asString()).isEqualTo(attacker.userId());
        assertThat(key.json().path("referenceId").asString()).isEqualTo(organizationId);
        assertThat(key.json().path("metadata").path("organizationId").asString()).isEqualTo(organizationId);
        assertThat(key.json().path("prefix").asString()).isEqualTo("crow_");
        assertThat(key.json().path("enabled").asBoolean()).isTrue();
    }

    @Test
    void onlyHashesOfSecretsAreStoredAndNoneAreReturned() {
        SignedIn owner = signUpWithOrganization();
        var key = owner.client().post("/api-key/create", Map.of("name", "storage check"));
        String plaintext = key.json().path("key").asString();

        assertThat(jdbc.queryForObject("select count(*) from sessions where token_hash = ?", Integer.class,
                Hashes.sha256(owner.token()))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from api_keys where key_hash = ?", Integer.class,
                Hashes.sha256(plaintext))).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from api_keys where key_hash = ? or start = ?", Integer.class,
                plaintext, plaintext)).isZero();
        String passwordHash = jdbc.queryForObject(
                "select password_hash from accounts where user_id = ?::uuid", String.class, owner.userId());
        assertThat(passwordHash).startsWith("$argon2id$");

        for (var answer : List.of(owner.client().get("/get-session"), owner.client().get("/api-key/list"),
                owner.client().get("/organization/list"))) {
            assertThat(answer.body()).doesNotContain(passwordHash, Hashes.sha256(plaintext), Hashes.sha256(owner.token()),
                    "hash", "Hash");
        }
    }

    @Test
    void apiKeyVerifyNeedsTheServiceKey() {
        var withoutKey = client().origin(null).post("/api-key/verify", Map.of("key", "crow_x"));
        assertThat(withoutKey.status()).isEqualTo(401);
        var wrongKey = client().origin(null).send("POST", "/api/v1/auth/api-key/verify", Map.of("key", "crow_x"),
                Map.of(TestServiceKeys.HEADER, TestServiceKeys.serviceKey() + "x"));
        assertThat(wrongKey.status()).isEqualTo(401);
        var introspect = client().origin(null).send("POST", "/internal/auth/introspect",
                Map.of("type", "api_key", "credential", "crow_x"), Map.of());
        assertThat(introspect.status()).isEqualTo(401);
    }

    private static JsonNode withoutRequestId(JsonNode body) {
        var copy = body.deepCopy();
        ((tools.jackson.databind.node.ObjectNode) copy).remove("requestId");
        return copy;
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Long::compare);
        return sorted.get(sorted.size() / 2);
    }
}
