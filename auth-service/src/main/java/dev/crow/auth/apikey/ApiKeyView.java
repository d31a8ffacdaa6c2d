package dev.crow.auth.apikey;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.crow.platform.security.Permission;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Better Auth's API key object. {@code key} (the plaintext) is present only in the answer to
 * create; no hash ever leaves the service.
 */
public record ApiKeyView(
        String id,
        String name,
        String start,
        String prefix,
        @JsonInclude(JsonInclude.Include.NON_NULL) String key,
        String userId,
        String referenceId,
        boolean enabled,
        Instant expiresAt,
        Instant createdAt,
        Instant updatedAt,
        Instant lastRequest,
        List<String> permissions,
        Map<String, Object> metadata) {

    static ApiKeyView of(ApiKey key, String plaintext, Instant lastRequest) {
        String organizationId = key.getOrganizationId().toString();
        return new ApiKeyView(key.getId().toString(), key.getName(), key.getStart(), key.getPrefix(), plaintext,
                key.getUserId().toString(), organizationId, key.isEnabled(), key.getExpiresAt(), key.getCreatedAt(),
                key.getUpdatedAt(), lastRequest,
                key.getPermissions().stream().map(Permission::wireName).toList(),
                Map.of("organizationId", organizationId));
    }

    static ApiKeyView of(ApiKey key) {
        return of(key, null, key.getLastRequest());
    }
}
