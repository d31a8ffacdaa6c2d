package dev.crow.org.invitation;

import dev.crow.platform.client.InternalServices;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * auth-service owns memberships: adding one goes through its internal endpoint
 * {@code POST /internal/auth/organizations/{id}/members {userId, role}} (docs/platform-contracts.md),
 * which then announces {@code member.added} to everyone.
 */
@Component
class AuthMemberships {

    private static final Logger log = LoggerFactory.getLogger(AuthMemberships.class);

    private final InternalServices services;

    AuthMemberships(InternalServices services) {
        this.services = services;
    }

    void add(UUID organizationId, UUID userId, String role) {
        try {
            services.service("auth").post()
                    .uri("/internal/auth/organizations/{id}/members", organizationId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("userId", userId.toString(), "role", role))
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientResponseException e) {
            switch (e.getStatusCode().value()) {
                case 409 -> throw CrowException.conflict("This user is already a member");
                case 404 -> throw CrowException.notFound("User or organization");
                default -> {
                    log.warn("auth-service refused a membership: {}", e.getStatusCode().value());
                    throw new CrowException(ErrorKind.UPSTREAM_UNAVAILABLE, "Memberships are unavailable; try again");
                }
            }
        } catch (RestClientException e) {
            log.warn("auth-service unreachable: {}", e.getClass().getSimpleName());
            throw new CrowException(ErrorKind.UPSTREAM_UNAVAILABLE, "Memberships are unavailable; try again");
        }
    }
}
