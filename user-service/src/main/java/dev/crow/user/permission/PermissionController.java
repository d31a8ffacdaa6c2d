package dev.crow.user.permission;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import dev.crow.user.directory.Directory;
import dev.crow.user.directory.Member;
import dev.crow.user.directory.Role;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member's feature permissions: read by the member and by admins, changed by admins holding
 * team management (never an owner's, never their own); and the internal lookup auth-service
 * makes when it mints the JWT.
 */
@RestController
class PermissionController {

    private final Directory directory;
    private final MemberPermissions permissions;

    PermissionController(Directory directory, MemberPermissions permissions) {
        this.directory = directory;
        this.permissions = permissions;
    }

    /**
     * @param userId         the user
     * @param organizationId the organization
     * @param role           their role there
     * @param permissions    permission wire names for the JWT's {@code perms}
     */
    record PermissionNames(String userId, String organizationId, String role, List<String> permissions) {
    }

    @GetMapping("/api/v1/users/{id}/permissions")
    FeaturePermissions get(@PathVariable UUID id, CallerContext caller) {
        Member member = directory.requireVisible(caller, id);
        if (!id.toString().equals(caller.userId()) && !caller.isAdmin()) {
            throw CrowException.forbidden("Only admins may see another member's permissions");
        }
        return permissions.of(member.organizationId(), id, member.role());
    }

    @PutMapping("/api/v1/users/{id}/permissions")
    FeaturePermissions replace(@PathVariable UUID id, @RequestBody PermissionChange change, CallerContext caller) {
        Member member = requireChangeable(caller, id);
        return permissions.set(member.organizationId(), id, change.replacing(), callerId(caller));
    }

    @PatchMapping("/api/v1/users/{id}/permissions")
    FeaturePermissions update(@PathVariable UUID id, @RequestBody PermissionChange change, CallerContext caller) {
        Member member = requireChangeable(caller, id);
        FeaturePermissions current = permissions.of(member.organizationId(), id, member.role());
        return permissions.set(member.organizationId(), id, change.merged(current), callerId(caller));
    }

    @GetMapping("/internal/users/{id}/permissions")
    PermissionNames internal(@PathVariable UUID id, @RequestParam UUID organizationId,
            @RequestParam(required = false) String role) {
        Role effective = role != null
                ? Role.fromWireName(role).orElseThrow(() -> CrowException.invalid("role"))
                : MemberPermissions.requireRole(directory.role(organizationId, id));
        FeaturePermissions features = permissions.of(organizationId, id, effective);
        return new PermissionNames(id.toString(), organizationId.toString(), effective.wireName(), features.wireNames());
    }

    private Member requireChangeable(CallerContext caller, UUID id) {
        caller.requireAdmin().require(Permission.TEAM_MANAGEMENT);
        Member member = directory.requireVisible(caller, id);
        if (member.role() == Role.OWNER) {
            throw CrowException.forbidden("An owner's permissions cannot be changed");
        }
        if (id.toString().equals(caller.userId())) {
            throw CrowException.forbidden("Admins cannot change their own permissions");
        }
        return member;
    }

    private static UUID callerId(CallerContext caller) {
        return UUID.fromString(caller.userId());
    }
}
