package dev.crow.auth.recovery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * The mailer when no user-service is configured: no email is sent; the link is written to the log at INFO so a person
 * running CROW locally can follow it. The link is a live credential, so this must not be the
 * mailer of a shared deployment once email delivery exists.
 */
@Component
@ConditionalOnExpression("'${crow.platform.services.users:}' == ''")
class LoggingAccountMailer implements AccountMailer {

    private static final Logger log = LoggerFactory.getLogger(LoggingAccountMailer.class);

    @Override
    public void send(AccountMessage message) {
        log.info("Prepared {} message for user {} (no email delivery configured; valid until {}): {}",
                message.kind(), message.userId(), message.expiresAt(), message.link());
    }
}
