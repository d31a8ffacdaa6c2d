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

/**
 * Hands invitation mails to user-service ({@code POST /internal/notifications/send}), which queues
 * them in its database and sends them with retries. A direct call rather than an event: the link
 * carries the token, which must not rest in this service's outbox table.
 */
@Component
class InvitationMails {

    private static final Logger log = LoggerFactory.getLogger(InvitationMails.class);

    private final InternalServices services;

    InvitationMails(InternalServices services) {
        this.services = services;
    }

    void send(String to, UUID organizationId, String organizationName, String inviterName, String role, String acceptUrl) {
        try {
            services.service("users").post()
                    .uri("/internal/notifications/send")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("to", to, "template", "invitation", "organizationId", organizationId.toString(),
                            "data", Map.of("organizationName", organizationName, "inviterName", inviterName,
                                    "role", role, "acceptUrl", acceptUrl)))
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException e) {
            log.warn("user-service did not take the invitation mail: {}", e.getClass().getSimpleName());
            throw new CrowException(ErrorKind.UPSTREAM_UNAVAILABLE, "Invitation mail could not be sent; try again");
        }
    }
}
