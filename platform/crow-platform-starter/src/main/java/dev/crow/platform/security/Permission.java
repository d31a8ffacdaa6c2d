package dev.crow.platform.security;

import java.util.Optional;

/**
 * Feature permissions a user (and an API key, at most its owner's) may hold. The wire names
 * are the ones of the API reference's permissions object.
 */
public enum Permission {
    INTERACTIONS("interactions"),
    /** Write-only ingestion: what a browser-embedded key gets. */
    INTERACTIONS_INGEST("interactions:ingest"),
    PATTERNS("patterns"),
    PRODUCTS("products"),
    CHAT("chat"),
    TEAM_MANAGEMENT("teamManagement"),
    API_KEY_MANAGEMENT("apiKeyManagement");

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<Permission> fromWireName(String name) {
        for (Permission permission : values()) {
            if (permission.wireName.equals(name)) {
                return Optional.of(permission);
            }
        }
        return Optional.empty();
    }
}
