package dev.crow.platform.security;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is calling, taken from the verified internal JWT only (or the service key on internal
 * endpoints). Controllers receive it as a method argument and use {@link #requireOrganization}
 * and {@link #require} before touching organization-scoped data.
 *
 * @param userId         the user behind the call; {@code null} for service calls
 * @param organizationId the caller's active organization; {@code null} when none is active
 * @param role           owner, admin or member in that organization
 * @param permissions    feature permissions (user's, intersected with the API key's)
 * @param tier           the organization's plan tier
 * @param authMethod     how the caller authenticated
 * @param apiKeyId       the API key used, if any
 */
public record CallerContext(
        String userId,
        String organizationId,
        String role,
        Set<Permission> permissions,
        String tier,
        AuthMethod authMethod,
        String apiKeyId) {

    public CallerContext {
        permissions = permissions == null ? Set.of() : Set.copyOf(permissions);
    }

    public static CallerContext service() {
        return new CallerContext(null, null, null, Set.of(Permission.values()), null, AuthMethod.SERVICE, null);
    }

    /** The caller of the current request; 401 when the request is not authenticated. */
    public static CallerContext current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CallerContext caller) {
            return caller;
        }
        throw CrowException.unauthorized();
    }

    public boolean isService() {
        return authMethod == AuthMethod.SERVICE;
    }

    public boolean has(Permission permission) {
        return permissions.contains(permission);
    }

    public boolean isAdmin() {
        return "owner".equals(role) || "admin".equals(role);
    }

    /**
     * The BOLA guard every organization-scoped endpoint calls: the id in the path or body
     * must be the caller's organization, else 403. Services calling internally pass.
     */
    public CallerContext requireOrganization(String organizationId) {
        if (isService()) {
            return this;
        }
        if (this.organizationId == null || !this.organizationId.equals(organizationId)) {
            throw new CrowException(ErrorKind.FORBIDDEN, "Access to this organization is not allowed");
        }
        return this;
    }

    /** The caller's organization, or 403 when the caller has no active organization. */
    public String organization() {
        if (organizationId == null) {
            throw new CrowException(ErrorKind.FORBIDDEN, "No active organization");
        }
        return organizationId;
    }

    /** 403 unless the caller holds the permission. */
    public CallerContext require(Permission permission) {
        if (!has(permission)) {
            throw new CrowException(ErrorKind.FORBIDDEN, "Missing permission: " + permission.wireName());
        }
        return this;
    }

    /** 403 unless the caller is an owner or admin of their organization. */
    public CallerContext requireAdmin() {
        if (!isService() && !isAdmin()) {
            throw new CrowException(ErrorKind.FORBIDDEN, "Only owners and admins may do this");
        }
        return this;
    }
}
