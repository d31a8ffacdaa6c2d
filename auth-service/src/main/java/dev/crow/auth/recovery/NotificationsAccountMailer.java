package dev.crow.auth.recovery;

import dev.crow.auth.account.Users;
import dev.crow.platform.client.InternalServices;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Sends password-reset and verification mail through user-service's notifications
 * ({@code POST /internal/notifications/send}), which renders the template, delivers by SMTP and
 * retries. Active wherever user-service is configured; the token travels only in the request.
 */
@Component
@ConditionalOnExpression("'${crow.platform.services.users:}' != ''")
class NotificationsAccountMailer implements AccountMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationsAccountMailer.class);

    private final InternalServices services;
    private final Users users;

    NotificationsAccountMailer(InternalServices services, Users users) {
        this.services = services;
        this.users = users;
    }

    @Override
    public void send(AccountMessage message) {
        String name = users.find(message.userId()).map(user -> user.getName()).orElse("");
        Map<String, Object> data = switch (message.kind()) {
            case PASSWORD_RESET -> Map.of("name", name, "resetUrl", message.link());
            case EMAIL_VERIFICATION -> Map.of("name", name, "verifyUrl", message.link());
        };
        String template = message.kind() == AccountMessage.Kind.PASSWORD_RESET ? "password-reset" : "email-verification";
        try {
            services.service("users").post()
                    .uri("/internal/notifications/send")
                    .body(Map.of("to", message.email(), "template", template, "data", data))
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException e) {
            // the user can ask again; the token itself is never logged
            log.warn("could not hand the {} message for user {} to user-service: {}", template, message.userId(),
                    e.getClass().getSimpleName());
        }
    }
}
