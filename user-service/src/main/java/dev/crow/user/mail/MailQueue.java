package dev.crow.user.mail;

import dev.crow.platform.error.CrowException;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Renders a mail and records it as queued; {@link MailDispatcher} sends it. */
@Component
class MailQueue {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>,;]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");

    private final JdbcClient jdbc;
    private final MailTemplates templates;

    MailQueue(JdbcClient jdbc, MailTemplates templates) {
        this.jdbc = jdbc;
        this.templates = templates;
    }

    /**
     * @param id      the message id
     * @param status  queued, sent or failed
     * @param to      recipient
     * @param template template name
     * @param createdAt when it was queued
     */
    record QueuedMail(String id, String status, String to, String template, Instant createdAt) {
    }

    static String recipient(String to) {
        if (to == null || to.length() > 254 || !EMAIL.matcher(to.strip()).matches()) {
            throw CrowException.invalid("to");
        }
        return to.strip().toLowerCase(Locale.ROOT);
    }

    @Transactional
    QueuedMail queue(String to, String template, Map<String, Object> data, UUID organizationId, String requestedBy) {
        String recipient = recipient(to);
        RenderedMail mail = templates.render(template, data);
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        jdbc.sql("insert into email_message (id, organization_id, requested_by, recipient, template, subject, body_text, "
                        + "body_html, sensitive, status, attempts, next_attempt_at, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'queued', 0, now(), now())")
                .param(id).param(organizationId).param(requestedBy).param(recipient).param(mail.template())
                .param(mail.subject()).param(mail.text()).param(mail.html()).param(mail.sensitive())
                .update();
        return new QueuedMail(id.toString(), "queued", recipient, mail.template(), now);
    }
}
