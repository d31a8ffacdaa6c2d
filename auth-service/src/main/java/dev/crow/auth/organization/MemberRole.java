package dev.crow.auth.organization;

import dev.crow.platform.security.Permission;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A member's role and the feature permissions it grants. Until profile permissions move to
 * user-service these role defaults are the user's permissions. Members may use every
 * feature, including ingestion, but not manage the team or API keys.
 */
public enum MemberRole {
    OWNER(EnumSet.allOf(Permission.class)),
    ADMIN(EnumSet.allOf(Permission.class)),
    MEMBER(EnumSet.of(Permission.INTERACTIONS, Permission.INTERACTIONS_INGEST, Permission.PATTERNS,
            Permission.PRODUCTS, Permission.CHAT));

    private final Set<Permission> permissions;

    MemberRole(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** 400 unless {@code value} is one of owner, admin, member. */
    static MemberRole fromWireName(String value) {
        if (value != null) {
            for (MemberRole role : values()) {
                if (role.wireName().equals(value)) {
                    return role;
                }
            }
        }
        throw dev.crow.platform.error.CrowException.invalid("role");
    }
}
