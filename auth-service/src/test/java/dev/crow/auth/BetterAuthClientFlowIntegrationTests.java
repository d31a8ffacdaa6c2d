package dev.crow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard's journey, driven exactly as the Better Auth client drives it: sign-up →
 * get-session → organization/create → set-active → api-key/create → list → delete →
 * sign-out → get-session is null.
 */
class BetterAuthClientFlowIntegrationTests extends AuthIntegrationTestSupport {

    private static final Pattern WIRE_DATE = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$");

    @Test
    void dashboardJourneyFromSignUpToSignOut() {
        BetterAuthClient browser = client();
        String email = uniqueEmail("Journey-Corp.COM").replace("user-", "Ada.");

        var signUp = browser.post("/sign-up/email", Map.of("name", "Ada Lovelace", "email", email, "password", PASSWORD));
        assertThat(signUp.status()).isEqualTo(200);
        JsonNode user = signUp.json().path("user");
        assertThat(signUp.json().propertyNames()).containsExactlyInAnyOrder("token", "user");
        assertThat(user.propertyNames()).containsExactlyInAnyOrder("id", "name", "email", "emailVerified", "image",
                "createdAt", "updatedAt");
        assertThat(user.path("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(user.path("emailVerified").asBoolean()).isFalse();
        assertWireDate(user.path("createdAt"));
        assertWireDate(user.path("updatedAt"));

        String sessionToken = signUp.json().path("token").asString();
        String setCookie = signUp.setCookies().stream().filter(c -> c.startsWith("better-auth.session_token="))
                .findFirst().orElseThrow();
        assertThat(setCookie).contains("Max-Age=604800", "Path=/", "HttpOnly", "SameSite=Lax").doesNotContain("Secure");
        String cookieValue = browser.sessionCookie();
        String decoded = URLDecoder.decode(cookieValue, StandardCharsets.UTF_8);
        assertThat(decoded).startsWith(sessionToken + ".");
        assertThat(decoded.substring(decoded.lastIndexOf('.') + 1)).hasSize(44).endsWith("=");
        assertThat(cookieValue).doesNotContain("=", "+", "/");
        assertThat(signUp.header("set-auth-token")).contains(decoded);

        var session = browser.get("/get-session");
        assertThat(session.status()).isEqualTo(200);
        JsonNode sessionObject = session.json().path("session");
        assertThat(sessionObject.propertyNames()).containsExactlyInAnyOrder("id", "token", "userId", "expiresAt",
                "ipAddress", "userAgent", "createdAt", "updatedAt", "activeOrganizationId");
        assertThat(sessionObject.path("token").asString()).isEqualTo(sessionToken);
        assertThat(sessionObject.path("userId").asString()).isEqualTo(user.path("id").asString());
        assertThat(sessionObject.path("activeOrganizationId").isNull()).isTrue();
        assertWireDate(sessionObject.path("expiresAt"));
        assertThat(session.json().path("user").path("id").asString()).isEqualTo(user.path("id").asString());

        String slug = uniqueSlug("journey");
        var created = browser.post("/organization/create", Map.of("name", "Journey Corp", "slug", slug));
        assertThat(created.status()).isEqualTo(200);
        JsonNode organization = created.json();
        String organizationId = organization.path("id").asString();
        assertThat(organization.path("slug").asString()).isEqualTo(slug);
        assertThat(organization.propertyNames()).containsExactlyInAnyOrder("id", "name", "slug", "logo", "createdAt",
                "metadata", "members");
        assertThat(organization.path("members").get(0).path("role").asString()).isEqualTo("owner");
        assertThat(organization.path("members").get(0).path("userId").asString()).isEqualTo(user.path("id").asString());
        assertWireDate(organization.path("createdAt"));
        assertThat(browser.get("/get-session").json().path("session").path("activeOrganizationId").asString())
                .isEqualTo(organizationId);

        var listed = browser.get("/organization/list");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().isArray()).isTrue();
        assertThat(listed.json().get(0).path("id").asString()).isEqualTo(organizationId);

        var cleared = browser.post("/organization/set-active", Map.of());
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.body()).isEqualTo("null");
        var active = browser.post("/organization/set-active", Map.of("organizationId", organizationId));
        assertThat(active.status()).isEqualTo(200);
        assertThat(active.json().path("id").asString()).isEqualTo(organizationId);
        assertThat(browser.get("/get-session").json().path("session").path("activeOrganizationId").asString())
                .isEqualTo(organizationId);

        var key = browser.post("/api-key/create", Map.of("name", "website SDK"));
        assertThat(key.status()).isEqualTo(200);
        JsonNode keyObject = key.json();
        String plaintext = keyObject.path("key").asString();
        assertThat(plaintext).matches("crow_[A-Za-z]{64}");
        assertThat(keyObject.path("start").asString()).isEqualTo(plaintext.substring(0, 6));
        assertThat(keyObject.path("prefix").asString()).isEqualTo("crow_");
        assertThat(keyObject.path("referenceId").asString()).isEqualTo(organizationId);
        assertThat(keyObject.path("userId").asString()).isEqualTo(user.path("id").asString());
        assertThat(keyObject.path("enabled").asBoolean()).isTrue();
        assertThat(keyObject.path("expiresAt").isNull()).isTrue();
        assertThat(keyObject.path("metadata").path("organizationId").asString()).isEqualTo(organizationId);
        assertWireDate(keyObject.path("createdAt"));

        var keys = browser.get("/api-key/list");
        assertThat(keys.status()).isEqualTo(200);
        assertThat(keys.json().path("total").asInt()).isEqualTo(1);
        JsonNode listedKey = keys.json().path("apiKeys").get(0);
        assertThat(listedKey.has("key")).isFalse();
        assertThat(listedKey.propertyNames()).containsExactlyInAnyOrder("id", "name", "start", "prefix", "userId",
                "referenceId", "enabled", "expiresAt", "createdAt", "updatedAt", "lastRequest", "permissions", "metadata");
        assertThat(keys.body()).doesNotContain(plaintext);

        var deleted = browser.post("/api-key/delete", Map.of("keyId", keyObject.path("id").asString()));
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().path("success").asBoolean()).isTrue();
        assertThat(browser.get("/api-key/list").json().path("total").asInt()).isZero();

        var signOut = browser.post("/sign-out", Map.of());
        assertThat(signOut.status()).isEqualTo(200);
        assertThat(signOut.json().path("success").asBoolean()).isTrue();
        assertThat(signOut.setCookies()).anySatisfy(c -> assertThat(c).startsWith("better-auth.session_token=;")
                .contains("Max-Age=0"));
        assertThat(browser.sessionCookie()).isNull();

        var after = browser.get("/get-session");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.body()).isEqualTo("null");

        // The old cookie, replayed, is dead too.
        BetterAuthClient replay = client();
        replay.setCookie("better-auth.session_token", cookieValue);
        assertThat(replay.get("/get-session").body()).isEqualTo("null");
    }

    @Test
    void signInAnswersRedirectTokenAndUserAndSetsTheCookie() {
        BetterAuthClient browser = client();
        String email = uniqueEmail("signin-corp.com");
        browser.post("/sign-up/email", Map.of("name", "Grace", "email", email, "password", PASSWORD));

        BetterAuthClient other = client();
        var signIn = other.post("/sign-in/email", Map.of("email", email.toUpperCase(), "password", PASSWORD));
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.json().propertyNames()).containsExactlyInAnyOrder("redirect", "token", "user");
        assertThat(signIn.json().path("redirect").asBoolean()).isFalse();
        assertThat(signIn.json().path("user").path("email").asString()).isEqualTo(email);
        assertThat(other.sessionCookie()).isNotNull();
        assertThat(other.get("/get-session").json().path("user").path("email").asString()).isEqualTo(email);
    }

    @Test
    void bearerTokensFromSetAuthTokenWorkWithoutCookies() {
        BetterAuthClient browser = client();
        var signUp = browser.post("/sign-up/email",
                Map.of("name", "Bearer", "email", uniqueEmail("bearer-corp.com"), "password", PASSWORD));
        String signed = signUp.header("set-auth-token").orElseThrow();
        String raw = signUp.json().path("token").asString();
        for (String credential : List.of(signed, raw)) {
            BetterAuthClient server = client().origin(null);
            var session = server.send("GET", "/api/v1/auth/get-session", null, Map.of("Authorization", "Bearer " + credential));
            assertThat(session.json().path("session").path("token").asString()).isEqualTo(raw);
        }
        var tampered = client().origin(null).send("GET", "/api/v1/auth/get-session", null,
                Map.of("Authorization", "Bearer " + raw + ".AAAA" + signed.substring(signed.lastIndexOf('.') + 5)));
        assertThat(tampered.body()).isEqualTo("null");
    }

    private static void assertWireDate(JsonNode value) {
        assertThat(value.isString()).as("date is a string: %s", value).isTrue();
        assertThat(value.asString()).matches(WIRE_DATE);
    }
}
