package dev.crow.auth;

import dev.crow.platform.error.CrowException;

/**
 * Names people give things (users, organizations, API keys): trimmed, bounded, and free of
 * control characters, which would only garble displays (and NUL, which Postgres refuses).
 */
public final class DisplayNames {

    private DisplayNames() {
    }

    /** The trimmed name; 400 naming {@code field} when it is blank, too long or has control characters. */
    public static String require(String value, int maxLength, String field) {
        String trimmed = optional(value, maxLength, field);
        if (trimmed == null) {
            throw CrowException.invalid(field);
        }
        return trimmed;
    }

    /** Like {@link #require} but a missing or blank name is {@code null}. */
    public static String optional(String value, int maxLength, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength || trimmed.chars().anyMatch(Character::isISOControl)) {
            throw CrowException.invalid(field);
        }
        return trimmed;
    }
}
