/** Templated email: queued in the database, sent over SMTP (or logged locally) with retries. */
package dev.crow.user.mail;
