package dev.crow.gateway.auth;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Who a credential belongs to, as auth-service's introspection answers (docs/platform-contracts.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Principal(
        String userId,
        String organizationId,
        String role,
        List<String> permissions,
        String tier,
        String authMethod,
        String apiKeyId,
        RateLimit rateLimit) {

    /** An organization's own limits (enterprise); absent for the standard tiers. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RateLimit(Long perMinute, Long perDay) {
    }

    public boolean isApiKey() {
        return "api_key".equals(authMethod);
    }
}
