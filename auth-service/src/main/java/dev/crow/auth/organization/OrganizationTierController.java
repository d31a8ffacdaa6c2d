package dev.crow.auth.organization;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.crow.platform.error.CrowException;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal: sets an organization's tier (and an enterprise organization's own limits). The
 * platform guards {@code /internal/**} with the service key; billing calls this until tier
 * changes arrive as events.
 */
@RestController
class OrganizationTierController {

    private static final long MAX_PER_DAY = 10_000_000_000L;
    private static final int MAX_PER_MINUTE = 100_000_000;

    private final OrganizationMemberships memberships;

    OrganizationTierController(OrganizationMemberships memberships) {
        this.memberships = memberships;
    }

    @PostMapping("/internal/auth/organizations/{id}/tier")
    TierResponse changeTier(@PathVariable String id, @RequestBody TierRequest body) {
        UUID organizationId = parse(id);
        Tier tier = Tier.fromWireName(body.tier());
        Membership.RateLimit limit = null;
        if (body.rateLimit() != null) {
            RateLimitBody requested = body.rateLimit();
            if (tier != Tier.ENTERPRISE) {
                throw CrowException.invalid("rateLimit (enterprise only)");
            }
            if (requested.perMinute() == null || requested.perMinute() < 1 || requested.perMinute() > MAX_PER_MINUTE) {
                throw CrowException.invalid("rateLimit.perMinute");
            }
            if (requested.perDay() == null || requested.perDay() < requested.perMinute() || requested.perDay() > MAX_PER_DAY) {
                throw CrowException.invalid("rateLimit.perDay");
            }
            limit = new Membership.RateLimit(requested.perMinute(), requested.perDay());
        }
        Membership.RateLimit applied = memberships.changeTier(organizationId, tier, limit);
        return new TierResponse(organizationId.toString(), tier.wireName(), applied);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CrowException.notFound("Organization");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TierRequest(String tier, RateLimitBody rateLimit) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RateLimitBody(Integer perMinute, Long perDay) {
    }

    record TierResponse(String id, String tier, Membership.RateLimit rateLimit) {
    }
}
