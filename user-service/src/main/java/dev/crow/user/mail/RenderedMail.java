package dev.crow.user.mail;

/**
 * A template filled in.
 *
 * @param template  template name
 * @param subject   subject line
 * @param text      plain-text body
 * @param html      HTML body
 * @param sensitive whether the bodies carry one-time links and are dropped once sent
 */
record RenderedMail(String template, String subject, String text, String html, boolean sensitive) {
}
