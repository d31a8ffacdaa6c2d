package dev.crow.auth.apikey;

import dev.crow.platform.security.Permission;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * An API key. The plaintext is never stored: {@code keyHash} is base64url(SHA-256(key)) and
 * {@code start} its first characters for display. The key acts for its owner inside the
 * organization that was active when it was created ({@code organizationId}, Better Auth's
 * {@code referenceId}), with at most {@code permissions}.
 */
@Entity
@Table(name = "api_keys")
class ApiKey {

    @Id
    private UUID id;

    @Column(length = 100)
    private String name;

    @Column(nullable = false, length = 16)
    private String start;

    @Column(nullable = false, length = 16)
    private String prefix;

    @Column(name = "key_hash", nullable = false, length = 64, unique = true)
    private String keyHash;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(nullable = false)
    private boolean enabled;

    @Convert(converter = PermissionsColumn.class)
    @Column(nullable = false, length = 512)
    private Set<Permission> permissions;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "last_request")
    private Instant lastRequest;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ApiKey() {
    }

    ApiKey(String name, String plaintext, UUID userId, UUID organizationId, Set<Permission> permissions,
            Instant expiresAt, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.start = ApiKeySecrets.start(plaintext);
        this.prefix = ApiKeySecrets.PREFIX;
        this.keyHash = ApiKeySecrets.hash(plaintext);
        this.userId = userId;
        this.organizationId = organizationId;
        this.enabled = true;
        this.permissions = EnumSet.noneOf(Permission.class);
        this.permissions.addAll(permissions);
        this.expiresAt = expiresAt;
        this.createdAt = now;
        this.updatedAt = now;
    }

    boolean isExpired(Instant now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getStart() {
        return start;
    }

    String getPrefix() {
        return prefix;
    }

    String getKeyHash() {
        return keyHash;
    }

    UUID getUserId() {
        return userId;
    }

    UUID getOrganizationId() {
        return organizationId;
    }

    boolean isEnabled() {
        return enabled;
    }

    Set<Permission> getPermissions() {
        Set<Permission> copy = EnumSet.noneOf(Permission.class);
        copy.addAll(permissions);
        return copy;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    Instant getLastRequest() {
        return lastRequest;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
