package dev.crow.auth.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A user's membership in an organization, with their role there. */
@Entity
@Table(name = "members")
class Member {

    @Id
    private UUID id;

    @Column(name = "organization_id", nullable = false)
    private UUID organizationId;

    @Column(name = "user_id", nullable = false)
    private UUID userId;

    @Convert(converter = EnumColumns.RoleColumn.class)
    @Column(nullable = false, length = 16)
    private MemberRole role;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Member() {
    }

    Member(UUID organizationId, UUID userId, MemberRole role, Instant now) {
        this.id = UUID.randomUUID();
        this.organizationId = organizationId;
        this.userId = userId;
        this.role = role;
        this.createdAt = now;
    }

    UUID getId() {
        return id;
    }

    UUID getOrganizationId() {
        return organizationId;
    }

    UUID getUserId() {
        return userId;
    }

    MemberRole getRole() {
        return role;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
