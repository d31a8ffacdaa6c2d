package dev.crow.auth.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A business using CROW. Its tier decides rate limits; enterprise organizations may carry
 * their own limits, which win over the tier's.
 */
@Entity
@Table(name = "organizations")
class Organization {

    @Id
    private UUID id;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(nullable = false, length = 63, unique = true)
    private String slug;

    @Column(length = 2048)
    private String logo;

    /** Client-supplied JSON object, kept as text. */
    @Column(length = 4096)
    private String metadata;

    @Convert(converter = EnumColumns.TierColumn.class)
    @Column(nullable = false, length = 16)
    private Tier tier;

    @Column(name = "rate_limit_per_minute")
    private Integer rateLimitPerMinute;

    @Column(name = "rate_limit_per_day")
    private Long rateLimitPerDay;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Organization() {
    }

    Organization(String name, String slug, String logo, String metadata, Instant now) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.slug = slug;
        this.logo = logo;
        this.metadata = metadata;
        this.tier = Tier.FREE;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Non-enterprise tiers drop custom limits; enterprise keeps them unless new ones are given. */
    void changeTier(Tier tier, Integer perMinute, Long perDay, Instant now) {
        this.tier = tier;
        if (tier != Tier.ENTERPRISE) {
            this.rateLimitPerMinute = null;
            this.rateLimitPerDay = null;
        } else if (perMinute != null && perDay != null) {
            this.rateLimitPerMinute = perMinute;
            this.rateLimitPerDay = perDay;
        }
        this.updatedAt = now;
    }

    UUID getId() {
        return id;
    }

    String getName() {
        return name;
    }

    String getSlug() {
        return slug;
    }

    String getLogo() {
        return logo;
    }

    String getMetadata() {
        return metadata;
    }

    Tier getTier() {
        return tier;
    }

    Integer getRateLimitPerMinute() {
        return rateLimitPerMinute;
    }

    Long getRateLimitPerDay() {
        return rateLimitPerDay;
    }

    Instant getCreatedAt() {
        return createdAt;
    }
}
