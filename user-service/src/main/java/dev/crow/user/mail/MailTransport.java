package dev.crow.user.mail;

/** How a stored mail leaves: SMTP when configured, else recorded in the log (local runs). */
interface MailTransport {

    /** Sends the mail or throws; a throw leaves it queued for another attempt. */
    void send(OutgoingMail mail);
}
