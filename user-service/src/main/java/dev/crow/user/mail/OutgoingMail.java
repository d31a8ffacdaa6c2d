package dev.crow.user.mail;

import java.util.UUID;

/**
 * One mail handed to a transport.
 *
 * @param id      the stored message's id
 * @param from    sender
 * @param to      recipient
 * @param subject subject line
 * @param text    plain-text body
 * @param html    HTML body
 */
record OutgoingMail(UUID id, String from, String to, String subject, String text, String html) {
}
