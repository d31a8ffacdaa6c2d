package dev.crow.user.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local default without SMTP: the message stays stored (status sent) and one log line says
 * so, without the body (links in it carry tokens) and with the recipient's name masked.
 */
class LoggingMailTransport implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LoggingMailTransport.class);

    @Override
    public void send(OutgoingMail mail) {
        log.info("mail {} \"{}\" to {} recorded as sent (no SMTP server configured: set spring.mail.host)",
                mail.id(), mail.subject(), masked(mail.to()));
    }

    static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
