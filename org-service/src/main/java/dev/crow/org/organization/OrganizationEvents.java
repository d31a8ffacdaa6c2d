package dev.crow.org.organization;

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
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps organizations, the members view and the known users in step with auth-service (and
 * user-service's profile changes). Every row remembers the occurredAt of the event it reflects and
 * ignores older ones, so late and replayed events change nothing.
 */
@Component
class OrganizationEvents {

    private static final Set<String> ROLES = Set.of("owner", "admin", "member");

    private final JdbcClient jdbc;
    private final Members members;

    OrganizationEvents(JdbcClient jdbc, Members members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    @CrowEventHandler
    void on(UserRegistered registered, CrowEvent event) {
        upsertUser(registered.userId(), registered.email(), registered.name(), registered.image(), event);
    }

    @CrowEventHandler
    void on(UserUpdated updated, CrowEvent event) {
        upsertUser(updated.userId(), updated.email(), updated.name(), updated.image(), event);
    }

    @CrowEventHandler
    void on(OrganizationCreated created, CrowEvent event) {
        jdbc.sql("insert into organization (id, name, slug, logo, tier, synced_at, created_at) values (?, ?, ?, ?, ?, ?, ?) "
                        + "on conflict (id) do update set name = excluded.name, slug = excluded.slug, logo = excluded.logo, "
                        + "tier = excluded.tier, synced_at = excluded.synced_at "
                        + "where organization.synced_at <= excluded.synced_at")
                .param(id(created.organizationId())).param(required(created.name())).param(created.slug())
                .param(created.logo()).param(created.tier() == null ? "free" : created.tier()).param(at(event))
                .param(at(event))
                .update();
        if (created.ownerUserId() != null) {
            if (created.ownerEmail() != null) {
                upsertUser(created.ownerUserId(), created.ownerEmail(),
                        created.ownerName() == null ? created.ownerEmail() : created.ownerName(), null, event);
            }
            members.record(id(created.organizationId()), id(created.ownerUserId()), "owner", event.occurredAt());
        }
    }

    @CrowEventHandler
    void on(OrganizationUpdated updated, CrowEvent event) {
        jdbc.sql("update organization set name = ?, slug = ?, logo = ?, synced_at = ? where id = ? and synced_at <= ?")
                .param(required(updated.name())).param(updated.slug()).param(updated.logo()).param(at(event))
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
        members.record(id(added.organizationId()), id(added.userId()), role(added.role()), event.occurredAt());
    }

    @CrowEventHandler
    void on(MemberRoleChanged changed, CrowEvent event) {
        members.record(id(changed.organizationId()), id(changed.userId()), role(changed.role()), event.occurredAt());
    }

    @CrowEventHandler
    void on(MemberRemoved removed, CrowEvent event) {
        jdbc.sql("insert into member (organization_id, user_id, role, joined_at, synced_at, removed_at) "
                        + "values (?, ?, 'member', ?, ?, ?) on conflict (organization_id, user_id) do update set "
                        + "removed_at = excluded.removed_at, synced_at = excluded.synced_at "
                        + "where member.synced_at <= excluded.synced_at")
                .param(id(removed.organizationId())).param(id(removed.userId())).param(at(event)).param(at(event))
                .param(at(event))
                .update();
    }

    private void upsertUser(String userId, String email, String name, String image, CrowEvent event) {
        jdbc.sql("insert into known_user (id, email, name, image, synced_at) values (?, ?, ?, ?, ?) "
                        + "on conflict (id) do update set email = excluded.email, name = excluded.name, "
                        + "image = coalesce(excluded.image, known_user.image), synced_at = excluded.synced_at "
                        + "where known_user.synced_at <= excluded.synced_at")
                .param(id(userId)).param(required(email).toLowerCase(Locale.ROOT)).param(required(name)).param(image)
                .param(at(event))
                .update();
    }

    private static String role(String role) {
        if (role == null || !ROLES.contains(role)) {
            throw CrowException.invalid("payload.role");
        }
        return role;
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
