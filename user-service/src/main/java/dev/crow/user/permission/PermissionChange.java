package dev.crow.user.permission;

import dev.crow.platform.error.CrowException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A PUT or PATCH body for a member's permissions, in the same shape as the answer. For PUT every
 * feature must be present; for PATCH absent features (and absent chat fields) keep their value.
 * Unknown fields are ignored.
 */
record PermissionChange(ChatChange chat, ToggleChange interactions, ToggleChange patterns,
        ToggleChange teamManagement, ToggleChange apiKeyManagement) {

    static final int MAX_LOOKBACK_DAYS = 365;
    private static final Pattern COMPONENT = Pattern.compile("[a-z][a-zA-Z0-9_-]{0,39}");

    record ToggleChange(Boolean enabled) {
    }

    record ChatChange(Boolean enabled, List<String> components, Integer lookbackWindow) {
    }

    /** PUT: everything given, nothing inherited. */
    FeaturePermissions replacing() {
        if (chat == null || chat.enabled() == null || chat.lookbackWindow() == null) {
            throw CrowException.invalid("chat");
        }
        return merged(null);
    }

    /** PATCH: what is given on top of {@code current}. */
    FeaturePermissions merged(FeaturePermissions current) {
        FeaturePermissions.Chat chatNow = current == null ? null : current.chat();
        boolean chatEnabled = pick(chat == null ? null : chat.enabled(), chatNow == null ? null : chatNow.enabled(), "chat");
        List<String> components = chat != null && chat.components() != null ? checkedComponents(chat.components())
                : chatNow == null ? List.of() : chatNow.components();
        int lookback = chat != null && chat.lookbackWindow() != null ? checkedLookback(chat.lookbackWindow())
                : chatNow == null ? FeaturePermissions.DEFAULT_LOOKBACK_DAYS : chatNow.lookbackWindow();
        return new FeaturePermissions(new FeaturePermissions.Chat(chatEnabled, components, lookback),
                toggle(interactions, current == null ? null : current.interactions(), "interactions"),
                toggle(patterns, current == null ? null : current.patterns(), "patterns"),
                toggle(teamManagement, current == null ? null : current.teamManagement(), "teamManagement"),
                toggle(apiKeyManagement, current == null ? null : current.apiKeyManagement(), "apiKeyManagement"));
    }

    private static FeaturePermissions.Toggle toggle(ToggleChange change, FeaturePermissions.Toggle current,
            String field) {
        return new FeaturePermissions.Toggle(pick(change == null ? null : change.enabled(),
                current == null ? null : current.enabled(), field));
    }

    private static boolean pick(Boolean given, Boolean current, String field) {
        if (given != null) {
            return given;
        }
        if (current == null) {
            throw CrowException.invalid(field);
        }
        return current;
    }

    private static List<String> checkedComponents(List<String> components) {
        if (components.size() > 20 || components.stream().anyMatch(c -> c == null || !COMPONENT.matcher(c).matches())) {
            throw CrowException.invalid("chat.components");
        }
        return components.stream().distinct().toList();
    }

    private static int checkedLookback(int days) {
        if (days < 1 || days > MAX_LOOKBACK_DAYS) {
            throw CrowException.invalid("chat.lookbackWindow");
        }
        return days;
    }
}
