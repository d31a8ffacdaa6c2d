package dev.crow.user.directory;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.events.CrowEvent;
import dev.crow.platform.events.CrowEventHandler;
import dev.crow.platform.events.types.MemberAdded;
import dev.crow.platform.events.types.MemberRemoved;
import dev.crow.platform.events.types.MemberRoleChanged;
import dev.crow.platform.events.types.OrganizationCreated;
import dev.crow.platform.events.types.OrganizationTierChanged;
import dev.crow.platform.events.types.OrganizationUpdated;
import dev.crow.platform.events.types.UserRegistered;
import dev.crow.platform.events.types.UserUpdated;
import java.sql.Timestamp;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps users, organizations and memberships in step with auth-service, their owner. Events may
 * arrive late or out of order: every row remembers the occurredAt of the event it reflects and
 * ignores older ones, and each event carries enough to stand on its own.
 */
@Component
class DirectoryEvents {

    private final JdbcClient jdbc;

    DirectoryEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @CrowEventHandler
    void on(UserRegistered registered, CrowEvent event) {
        upsertUser(registered.userId(), registered.email(), registered.name(), registered.image(), event);
    }

    @CrowEventHandler
    void on(UserUpdated updated, CrowEvent event) {
        if ("users".equals(event.producer())) {
            return;
        }
        upsertUser(updated.userId(), updated.email(), updated.name(), updated.image(), event);
    }

    @CrowEventHandler
    void on(OrganizationCreated created, CrowEvent event) {
        jdbc.sql("insert into organization (id, name, slug, tier, synced_at, created_at) values (?, ?, ?, ?, ?, ?) "
                        + "on conflict (id) do update set name = excluded.name, slug = excluded.slug, tier = excluded.tier, "
                        + "synced_at = excluded.synced_at where organization.synced_at <= excluded.synced_at")
                .param(id(created.organizationId())).param(required(created.name())).param(created.slug())
                .param(created.tier() == null ? "free" : created.tier()).param(at(event)).param(at(event))
                .update();
        if (created.ownerUserId() != null) {
            if (created.ownerEmail() != null) {
                upsertUser(created.ownerUserId(), created.ownerEmail(),
                        created.ownerName() == null ? created.ownerEmail() : created.ownerName(), null, event);
            }
            upsertMembership(created.organizationId(), created.ownerUserId(), "owner", event);
        }
    }

    @CrowEventHandler
    void on(OrganizationUpdated updated, CrowEvent event) {
        jdbc.sql("update organization set name = ?, slug = ?, synced_at = ? where id = ? and synced_at <= ?")
                .param(required(updated.name())).param(updated.slug()).param(at(event))
                .param(id(updated.organizationId())).param(at(event))
                .update();
    }

    @CrowEventHandler
    void on(OrganizationTierChanged changed, CrowEvent event) {
        jdbc.sql("update organization set tier = ? where id = ?")
                .param(required(changed.tier())).param(id(changed.organizationId())).update();
    }

    @CrowEventHandler
    void on(MemberAdded added, CrowEvent event) {
        if (added.email() != null) {
            upsertUser(added.userId(), added.email(), added.name() == null ? added.email() : added.name(), null, event);
        }
        upsertMembership(added.organizationId(), added.userId(), added.role(), event);
    }

    @CrowEventHandler
    void on(MemberRoleChanged changed, CrowEvent event) {
        role(changed.role());
        int updated = jdbc.sql("update membership set role = ?, synced_at = ? where organization_id = ? and user_id = ? "
                        + "and synced_at <= ? and removed_at is null")
                .param(changed.role()).param(at(event)).param(id(changed.organizationId())).param(id(changed.userId()))
                .param(at(event))
                .update();
        if (updated == 0) {
            upsertMembership(changed.organizationId(), changed.userId(), changed.role(), event);
        }
        // a new role brings that role's permissions; whatever an admin chose before no longer applies
        clearPermissions(changed.organizationId(), changed.userId());
    }

    @CrowEventHandler
    void on(MemberRemoved removed, CrowEvent event) {
        jdbc.sql("insert into membership (organization_id, user_id, role, synced_at, created_at, removed_at) "
                        + "values (?, ?, 'member', ?, ?, ?) on conflict (organization_id, user_id) do update set "
                        + "removed_at = excluded.removed_at, synced_at = excluded.synced_at "
                        + "where membership.synced_at <= excluded.synced_at")
                .param(id(removed.organizationId())).param(id(removed.userId())).param(at(event)).param(at(event))
                .param(at(event))
                .update();
        clearPermissions(removed.organizationId(), removed.userId());
    }

    private void upsertUser(String userId, String email, String name, String image, CrowEvent event) {
        jdbc.sql("insert into user_profile (id, email, name, profile_picture_url, synced_at, created_at, updated_at) "
                        + "values (?, ?, ?, ?, ?, now(), now()) on conflict (id) do update set email = excluded.email, "
                        + "name = excluded.name, profile_picture_url = coalesce(excluded.profile_picture_url, "
                        + "user_profile.profile_picture_url), synced_at = excluded.synced_at, updated_at = now() "
                        + "where user_profile.synced_at <= excluded.synced_at")
                .param(id(userId)).param(required(email).toLowerCase(Locale.ROOT)).param(required(name)).param(image)
                .param(at(event))
                .update();
    }

    private void upsertMembership(String organizationId, String userId, String role, CrowEvent event) {
        jdbc.sql("insert into membership (organization_id, user_id, role, synced_at, created_at, removed_at) "
                        + "values (?, ?, ?, ?, ?, null) on conflict (organization_id, user_id) do update set "
                        + "role = excluded.role, synced_at = excluded.synced_at, removed_at = null, "
                        + "created_at = case when membership.removed_at is null then membership.created_at "
                        + "else excluded.created_at end where membership.synced_at <= excluded.synced_at")
                .param(id(organizationId)).param(id(userId)).param(role(role)).param(at(event)).param(at(event))
                .update();
    }

    private void clearPermissions(String organizationId, String userId) {
        jdbc.sql("delete from member_permission where organization_id = ? and user_id = ?")
                .param(id(organizationId)).param(id(userId)).update();
    }

    private static String role(String role) {
        return Role.fromWireName(role).map(Role::wireName).orElseThrow(() -> CrowException.invalid("payload.role"));
    }

    private static UUID id(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw CrowException.invalid("payload");
        }
    }

    private static String required(String value) {
        if (value == null || value.isBlank()) {
            throw CrowException.invalid("payload");
        }
        return value;
    }

    private static Timestamp at(CrowEvent event) {
        return Timestamp.from(event.occurredAt());
    }
}
