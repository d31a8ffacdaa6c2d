package dev.crow.user.mail;

import dev.crow.user.UserProperties;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends queued mails. Each round claims a batch with {@code FOR UPDATE SKIP LOCKED}, so several
 * instances share the queue without sending a mail twice; a failed attempt is retried with
 * exponential backoff (30 s doubling, at most an hour) until {@code max-attempts}, then the mail is
 * marked failed. Bodies carrying one-time links are cleared once the mail is out.
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MailTransport transport;
    private final UserProperties.Mail settings;

    MailDispatcher(JdbcClient jdbc, PlatformTransactionManager transactions, MailTransport transport,
            UserProperties properties) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.transport = transport;
        this.settings = properties.mail();
    }

    private record Claimed(UUID id, String recipient, String subject, String text, String html, boolean sensitive,
            int attempts) {
    }

    @Scheduled(fixedDelayString = "${crow.users.mail.poll-interval:1s}")
    void dispatch() {
        try {
            transactions.executeWithoutResult(status -> claim().forEach(this::attempt));
        } catch (RuntimeException e) {
            log.warn("mail round failed: {}", e.toString());
        }
    }

    private List<Claimed> claim() {
        return jdbc.sql("select id, recipient, subject, body_text, body_html, sensitive, attempts from email_message "
                        + "where status = 'queued' and next_attempt_at <= now() order by next_attempt_at "
                        + "limit ? for update skip locked")
                .param(settings.batchSize())
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                        rs.getBoolean("sensitive"), rs.getInt("attempts")))
                .list();
    }

    private void attempt(Claimed mail) {
        int attempts = mail.attempts() + 1;
        try {
            transport.send(new OutgoingMail(mail.id(), settings.from(), mail.recipient(), mail.subject(), mail.text(),
                    mail.html()));
            jdbc.sql("update email_message set status = 'sent', attempts = ?, sent_at = now(), last_error = null, "
                            + "body_text = case when sensitive then null else body_text end, "
                            + "body_html = case when sensitive then null else body_html end where id = ?")
                    .param(attempts).param(mail.id()).update();
        } catch (RuntimeException e) {
            boolean givingUp = attempts >= settings.maxAttempts();
            String error = e.getClass().getSimpleName();
            jdbc.sql("update email_message set status = ?, attempts = ?, last_error = ?, "
                            + "next_attempt_at = now() + make_interval(secs => ?) where id = ?")
                    .param(givingUp ? "failed" : "queued").param(attempts).param(error)
                    .param((double) backoff(attempts).toSeconds()).param(mail.id())
                    .update();
            if (givingUp) {
                log.error("mail {} failed after {} attempts ({})", mail.id(), attempts, error);
            } else {
                log.warn("mail {} attempt {} failed ({}); retrying in {}", mail.id(), attempts, error, backoff(attempts));
            }
        }
    }

    static Duration backoff(int attempts) {
        long seconds = FIRST_RETRY.toSeconds() << Math.min(attempts - 1, 10);
        return seconds > LONGEST_RETRY.toSeconds() ? LONGEST_RETRY : Duration.ofSeconds(seconds);
    }
}
