package dev.crow.user.permission;

import dev.crow.platform.security.Permission;
import dev.crow.user.directory.Role;
import java.util.ArrayList;
import java.util.List;

/**
 * What a member may use, in the API reference's shape:
 * {@code {"chat":{"enabled":true,"components":[],"lookbackWindow":30},"interactions":{"enabled":true},…}}.
 *
 * @param chat             the chat assistant, its components and how many days back it may look
 * @param interactions     interactions (and ingesting them)
 * @param patterns         mined patterns
 * @param teamManagement   inviting members and changing their permissions
 * @param apiKeyManagement creating and revoking API keys
 */
public record FeaturePermissions(Chat chat, Toggle interactions, Toggle patterns, Toggle teamManagement,
        Toggle apiKeyManagement) {

    public static final int DEFAULT_LOOKBACK_DAYS = 30;

    /** @param enabled whether the feature is on */
    public record Toggle(boolean enabled) {
    }

    /**
     * @param enabled        whether chat is on
     * @param components     chat components the member may use (empty: all)
     * @param lookbackWindow days of data chat may read
     */
    public record Chat(boolean enabled, List<String> components, int lookbackWindow) {

        public Chat {
            components = components == null ? List.of() : List.copyOf(components);
        }
    }

    /** Owners and admins get everything; members everything but team and API key management. */
    public static FeaturePermissions defaults(Role role) {
        boolean admin = role.isAdmin();
        return new FeaturePermissions(new Chat(true, List.of(), DEFAULT_LOOKBACK_DAYS), new Toggle(true),
                new Toggle(true), new Toggle(admin), new Toggle(admin));
    }

    /**
     * The permission wire names the internal JWT carries. Products come with every membership (the
     * permissions object has no switch for the catalogue), and ingesting comes with interactions.
     */
    public List<String> wireNames() {
        List<String> names = new ArrayList<>();
        if (interactions.enabled()) {
            names.add(Permission.INTERACTIONS.wireName());
            names.add(Permission.INTERACTIONS_INGEST.wireName());
        }
        if (patterns.enabled()) {
            names.add(Permission.PATTERNS.wireName());
        }
        names.add(Permission.PRODUCTS.wireName());
        if (chat.enabled()) {
            names.add(Permission.CHAT.wireName());
        }
        if (teamManagement.enabled()) {
            names.add(Permission.TEAM_MANAGEMENT.wireName());
        }
        if (apiKeyManagement.enabled()) {
            names.add(Permission.API_KEY_MANAGEMENT.wireName());
        }
        return List.copyOf(names);
    }
}
