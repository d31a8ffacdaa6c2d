package dev.crow.auth.introspection;

import dev.crow.auth.apikey.ApiKeyCheck;
import dev.crow.auth.organization.Membership;
import dev.crow.auth.organization.Organizations;
import dev.crow.auth.organization.Tier;
import dev.crow.auth.session.SessionState;
import dev.crow.auth.signing.InternalTokens;
import dev.crow.platform.security.AuthMethod;
import dev.crow.platform.security.Permission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns a valid session or API key into a principal and the internal JWT that carries it.
 * Permissions are decided here and nowhere else: the member's permissions (user-service's, or
 * the role's defaults), cut down to the key's for API keys. A key whose owner has left its organization speaks for nobody.
 */
@Component
class Principals {

    private final Organizations organizations;
    private final InternalTokens tokens;
    private final UserPermissions userPermissions;

    Principals(Organizations organizations, InternalTokens tokens, UserPermissions userPermissions) {
        this.organizations = organizations;
        this.tokens = tokens;
        this.userPermissions = userPermissions;
    }

    /** A session's principal; without an active organization (or membership in it) it holds no feature permissions. */
    Principal ofSession(SessionState session) {
        Optional<Membership> membership = organizations.membership(session.userId(), session.activeOrganizationId());
        return membership
                .map(member -> principal(member, userPermissions.of(member), AuthMethod.SESSION, null))
                .orElseGet(() -> new Principal(session.userId().toString(), null, null, List.of(),
                        Tier.FREE.wireName(), AuthMethod.SESSION.claim(), null, null));
    }

    Optional<Principal> ofApiKey(ApiKeyCheck.Valid key) {
        return organizations.membership(key.userId(), key.organizationId()).map(member -> {
            Set<Permission> granted = EnumSet.noneOf(Permission.class);
            granted.addAll(userPermissions.of(member));
            granted.retainAll(key.permissions());
            return principal(member, granted, AuthMethod.API_KEY, key.id().toString());
        });
    }

    InternalTokens.MintedToken jwt(Principal principal, Map<String, ?> extraClaims) {
        Map<String, Object> claims = new LinkedHashMap<>(extraClaims);
        claims.put("org", principal.organizationId());
        claims.put("role", principal.role());
        claims.put("perms", principal.permissions());
        claims.put("tier", principal.tier());
        claims.put("amr", principal.authMethod());
        claims.put("akid", principal.apiKeyId());
        return tokens.mint(principal.userId(), claims);
    }

    private static Principal principal(Membership member, Set<Permission> permissions, AuthMethod method, String apiKeyId) {
        return new Principal(member.userId().toString(), member.organizationId().toString(), member.role().wireName(),
                Principal.wireNames(permissions), member.tier().wireName(), method.claim(), apiKeyId, member.rateLimit());
    }
}
