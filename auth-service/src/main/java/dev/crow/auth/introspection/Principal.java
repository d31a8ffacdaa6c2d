package dev.crow.auth.introspection;

import dev.crow.auth.organization.Membership;
import dev.crow.platform.security.Permission;
import java.util.List;
import java.util.Set;

/**
 * The caller behind a credential, in the introspection contract's shape
 * (docs/platform-contracts.md).
 *
 * @param rateLimit the organization's own limits, only for organizations that have them
 */
record Principal(
        String userId,
        String organizationId,
        String role,
        List<String> permissions,
        String tier,
        String authMethod,
        String apiKeyId,
        Membership.RateLimit rateLimit) {

    static List<String> wireNames(Set<Permission> permissions) {
        return permissions.stream().sorted().map(Permission::wireName).toList();
    }
}
