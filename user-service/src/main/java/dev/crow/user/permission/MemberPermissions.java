package dev.crow.user.permission;

import dev.crow.platform.error.CrowException;
import dev.crow.user.directory.Role;
import dev.crow.user.notification.Notifications;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each member's feature permissions: their role's defaults unless an admin set others. Owners
 * always hold everything, so that an organization can never lock itself out.
 */
@Component
class MemberPermissions {

    private final JdbcClient jdbc;
    private final Notifications notifications;

    MemberPermissions(JdbcClient jdbc, Notifications notifications) {
        this.jdbc = jdbc;
        this.notifications = notifications;
    }

    FeaturePermissions of(UUID organizationId, UUID userId, Role role) {
        if (role == Role.OWNER) {
            return FeaturePermissions.defaults(role);
        }
        return stored(organizationId, userId).orElseGet(() -> FeaturePermissions.defaults(role));
    }

    @Transactional
    FeaturePermissions set(UUID organizationId, UUID userId, FeaturePermissions permissions, UUID changedBy) {
        jdbc.sql("insert into member_permission (organization_id, user_id, chat_enabled, chat_components, "
                        + "chat_lookback_window, interactions_enabled, patterns_enabled, team_management_enabled, "
                        + "api_key_management_enabled, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now()) "
                        + "on conflict (organization_id, user_id) do update set chat_enabled = excluded.chat_enabled, "
                        + "chat_components = excluded.chat_components, chat_lookback_window = excluded.chat_lookback_window, "
                        + "interactions_enabled = excluded.interactions_enabled, patterns_enabled = excluded.patterns_enabled, "
                        + "team_management_enabled = excluded.team_management_enabled, "
                        + "api_key_management_enabled = excluded.api_key_management_enabled, "
                        + "updated_by = excluded.updated_by, updated_at = excluded.updated_at")
                .param(organizationId).param(userId).param(permissions.chat().enabled())
                .param(String.join(",", permissions.chat().components())).param(permissions.chat().lookbackWindow())
                .param(permissions.interactions().enabled()).param(permissions.patterns().enabled())
                .param(permissions.teamManagement().enabled()).param(permissions.apiKeyManagement().enabled())
                .param(changedBy)
                .update();
        notifications.notify(userId, organizationId, "permissions.changed", "Your permissions changed",
                "An admin changed what you can use. Sign in again if a feature is missing.");
        return permissions;
    }

    private Optional<FeaturePermissions> stored(UUID organizationId, UUID userId) {
        return jdbc.sql("select * from member_permission where organization_id = ? and user_id = ?")
                .param(organizationId).param(userId)
                .query((rs, n) -> new FeaturePermissions(
                        new FeaturePermissions.Chat(rs.getBoolean("chat_enabled"), components(rs.getString("chat_components")),
                                rs.getInt("chat_lookback_window")),
                        new FeaturePermissions.Toggle(rs.getBoolean("interactions_enabled")),
                        new FeaturePermissions.Toggle(rs.getBoolean("patterns_enabled")),
                        new FeaturePermissions.Toggle(rs.getBoolean("team_management_enabled")),
                        new FeaturePermissions.Toggle(rs.getBoolean("api_key_management_enabled"))))
                .optional();
    }

    private static List<String> components(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    static Role requireRole(Optional<Role> role) {
        return role.orElseThrow(() -> CrowException.notFound("Member"));
    }
}
