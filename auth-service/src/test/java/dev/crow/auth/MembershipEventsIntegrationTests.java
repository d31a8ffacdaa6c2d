package dev.crow.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What auth-service commits about users, organizations and memberships is written to the
 * platform outbox in the same transaction, one publication per subscribing service.
 */
class MembershipEventsIntegrationTests extends AuthIntegrationTestSupport {

    private List<String> publishedFor(String id, String type) {
        return jdbc.queryForList("select serialized_event from event_publication where serialized_event like ? "
                + "and serialized_event like ?", String.class, "%" + id + "%", "%\"" + type + "\"%");
    }

    @Test
    void signUpAndOrganizationCreationArePublishedToUsersAndOrganizations() {
        SignedIn owner = signUpWithOrganization();

        assertThat(publishedFor(owner.userId(), "user.registered")).hasSize(2);
        List<String> deliveries = publishedFor(owner.organizationId(), "organization.created");
        assertThat(deliveries).hasSize(2)
                .anySatisfy(delivery -> assertThat(delivery).contains("\"users\""))
                .anySatisfy(delivery -> assertThat(delivery).contains("\"organizations\""));
    }

    @Test
    void internalMemberAdmissionAddsTheMemberAndPublishesIt() {
        SignedIn owner = signUpWithOrganization();
        BetterAuthClient colleague = client();
        String email = uniqueEmail("acme-corp.com");
        var signUp = colleague.post("/sign-up/email", Map.of("name", "Grace", "email", email, "password", PASSWORD));
        String colleagueId = signUp.json().path("user").path("id").asString();

        var added = internal("/internal/auth/organizations/" + owner.organizationId() + "/members",
                Map.of("userId", colleagueId, "role", "admin", "organizationId", "someone-else"));
        assertThat(added.status()).isEqualTo(201);
        assertThat(added.json().path("role").asString()).isEqualTo("admin");
        assertThat(added.json().path("organizationId").asString()).isEqualTo(owner.organizationId());
        assertThat(publishedFor(colleagueId, "member.added")).hasSize(2);

        var again = internal("/internal/auth/organizations/" + owner.organizationId() + "/members",
                Map.of("userId", colleagueId, "role", "member"));
        assertThat(again.status()).isEqualTo(409);

        var listed = colleague.get("/organization/list");
        assertThat(listed.body()).contains(owner.organizationId());
    }

    @Test
    void memberAdmissionRejectsUnknownIdsBadRolesAndMissingServiceKey() {
        SignedIn owner = signUpWithOrganization();
        String path = "/internal/auth/organizations/" + owner.organizationId() + "/members";

        assertThat(internal(path, Map.of("userId", "00000000-0000-0000-0000-000000000000")).status()).isEqualTo(404);
        assertThat(internal("/internal/auth/organizations/not-a-uuid/members", Map.of("userId", owner.userId()))
                .status()).isEqualTo(404);
        assertThat(internal(path, Map.of("userId", owner.userId(), "role", "owner")).status()).isEqualTo(400);
        assertThat(internal(path, Map.of("role", "member")).status()).isEqualTo(400);
        assertThat(new BetterAuthClient(port).origin(null).send("POST", path, Map.of("userId", owner.userId()), Map.of()).status())
                .isEqualTo(401);
    }

    @Test
    void tierChangesArePublishedOnlyWhenTheTierChanges() {
        SignedIn owner = signUpWithOrganization();
        String path = "/internal/auth/organizations/" + owner.organizationId() + "/tier";

        assertThat(internal(path, Map.of("tier", "starter")).status()).isEqualTo(200);
        assertThat(internal(path, Map.of("tier", "starter")).status()).isEqualTo(200);

        assertThat(publishedFor(owner.organizationId(), "organization.tier_changed")).hasSize(2);
    }
}
