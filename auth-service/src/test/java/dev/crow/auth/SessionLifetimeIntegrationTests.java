package dev.crow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sessions last seven days, are pushed forward by use at most daily, and die when they expire. */
class SessionLifetimeIntegrationTests extends AuthIntegrationTestSupport {

    @Test
    void aSessionUsedMoreThanADayAfterItsLastRefreshIsExtendedAndItsCookieResent() {
        SignedIn user = signUpWithOrganization();
        Instant twoDaysLeftOfSeven = Instant.now().plus(Duration.ofDays(5));
        jdbc.update("update sessions set expires_at = ? where user_id = ?::uuid", Timestamp.from(twoDaysLeftOfSeven), user.userId());

        var session = user.client().get("/get-session");
        Instant expiresAt = Instant.parse(session.json().path("session").path("expiresAt").asString());
        assertThat(expiresAt).isAfter(Instant.now().plus(Duration.ofDays(7)).minusSeconds(60));
        assertThat(session.setCookies()).anySatisfy(c -> assertThat(c).startsWith("better-auth.session_token=")
                .contains("Max-Age=604800"));
    }

    @Test
    void aSessionUsedWithinADayIsNotRewritten() {
        SignedIn user = signUpWithOrganization();
        var first = user.client().get("/get-session");
        var second = user.client().get("/get-session");
        assertThat(second.json().path("session").path("expiresAt"))
                .isEqualTo(first.json().path("session").path("expiresAt"));
        assertThat(second.setCookies()).isEmpty();
    }

    @Test
    void anExpiredSessionIsNoSessionAndIsDeleted() {
        SignedIn user = signUpWithOrganization();
        jdbc.update("update sessions set expires_at = ? where user_id = ?::uuid", Timestamp.from(Instant.now().minusSeconds(1)),
                user.userId());
        assertThat(user.client().get("/get-session").body()).isEqualTo("null");
        assertThat(internal("/internal/auth/introspect", Map.of("type", "bearer", "credential", user.token())).status())
                .isEqualTo(401);
        assertThat(jdbc.queryForObject("select count(*) from sessions where user_id = ?::uuid", Integer.class, user.userId()))
                .isZero();
    }

    @Test
    void setActiveRefusesOrganizationsTheUserIsNotIn() {
        SignedIn user = signUpWithOrganization();
        SignedIn other = signUpWithOrganization();
        for (Map<String, String> body : new Map[] {Map.of("organizationId", other.organizationId()),
                Map.of("organizationId", java.util.UUID.randomUUID().toString()), Map.of("organizationId", "nope")}) {
            var answer = user.client().post("/organization/set-active", body);
            assertThat(answer.status()).isEqualTo(403);
            assertThat(answer.code()).isEqualTo("USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION");
        }
        assertThat(user.client().get("/get-session").json().path("session").path("activeOrganizationId").asString())
                .isEqualTo(user.organizationId());
    }

    @Test
    void aTakenSlugIsOrganizationAlreadyExists() {
        SignedIn user = signUpWithOrganization();
        String slug = uniqueSlug("taken");
        assertThat(user.client().post("/organization/create", Map.of("name", "One", "slug", slug)).status()).isEqualTo(200);
        var again = user.client().post("/organization/create", Map.of("name", "Two", "slug", slug));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.code()).isEqualTo("ORGANIZATION_ALREADY_EXISTS");
        var badSlug = user.client().post("/organization/create", Map.of("name", "Three", "slug", "Not A Slug!"));
        assertThat(badSlug.status()).isEqualTo(400);
        assertThat(badSlug.code()).isEqualTo("VALIDATION_ERROR");
        assertThat(client().get("/organization/list").status()).isEqualTo(401);
    }
}
