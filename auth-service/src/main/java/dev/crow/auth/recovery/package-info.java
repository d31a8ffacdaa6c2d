/** Password reset and email verification: single-use, expiring tokens stored as hashes and handed to an AccountMailer. */
package dev.crow.auth.recovery;
