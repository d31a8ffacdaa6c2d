package dev.crow.user.directory;

import java.util.Locale;
import java.util.Optional;

/** A member's role in an organization, as auth-service assigns it. */
public enum Role {
    OWNER, ADMIN, MEMBER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromWireName(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    public boolean isAdmin() {
        return this == OWNER || this == ADMIN;
    }
}
