package dev.crow.test;

import dev.crow.platform.security.AuthMethod;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Callers and organization ids for services' tests, with tokens minted by {@link TestJwts#shared()}. */
public final class TestCallers {

    private TestCallers() {
    }

    /** A fresh organization id, so tests sharing a database stay independent. */
    public static String newOrganizationId() {
        return "org_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** A session user of the organization with the given role, tier and permissions. */
    public static CallerContext caller(String organizationId, String role, String tier, Permission... permissions) {
        Set<Permission> granted = permissions.length == 0 ? Set.of() : EnumSet.of(permissions[0], permissions);
        return new CallerContext("user_" + organizationId, organizationId, role, granted, tier, AuthMethod.SESSION, null);
    }

    /** A member of a free-tier organization with the given permissions. */
    public static CallerContext member(String organizationId, Permission... permissions) {
        return caller(organizationId, "member", "free", permissions);
    }

    /** An internal JWT for {@link #member}. */
    public static String memberToken(String organizationId, Permission... permissions) {
        return TestJwts.shared().mint(member(organizationId, permissions));
    }
}
