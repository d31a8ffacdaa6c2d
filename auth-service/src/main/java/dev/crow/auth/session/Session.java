package dev.crow.auth.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A signed-in browser or client. Only the SHA-256 of its token is stored. */
@Entity
@Table(name = "sessions")
class Session {

    @Id
    private UUID id;

    @Column(name = "token_hash", nullable = false, length = 64, unique = true)
    private String tokenHash;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "ip_address", length = 64)
    private String ipAddress;

    @Column(name = "user_agent", length = 512)
    private String userAgent;

    @Column(name = "active_organization_id")
    private UUID activeOrganizationId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Session() {
    }

    Session(String tokenHash, UUID userId, String ipAddress, String userAgent, Instant now, Duration ttl) {
        this.id = UUID.randomUUID();
        this.tokenHash = tokenHash;
        this.userId = userId;
        this.ipAddress = ipAddress;
        this.userAgent = userAgent;
        this.createdAt = now;
        this.updatedAt = now;
        this.expiresAt = now.plus(ttl);
    }

    boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /**
     * Pushes the expiry forward when the last push is more than {@code updateAge} ago, so an
     * active session never expires and an idle one does, without a write on every request.
     */
    boolean refreshIfDue(Instant now, Duration ttl, Duration updateAge) {
        Instant lastRefresh = expiresAt.minus(ttl);
        if (now.isBefore(lastRefresh.plus(updateAge))) {
            return false;
        }
        expiresAt = now.plus(ttl);
        updatedAt = now;
        return true;
    }

    void activate(UUID organizationId, Instant now) {
        this.activeOrganizationId = organizationId;
        this.updatedAt = now;
    }

    UUID getId() {
        return id;
    }

    UUID getUserId() {
        return userId;
    }

    Instant getExpiresAt() {
        return expiresAt;
    }

    String getIpAddress() {
        return ipAddress;
    }

    String getUserAgent() {
        return userAgent;
    }

    UUID getActiveOrganizationId() {
        return activeOrganizationId;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }
}
