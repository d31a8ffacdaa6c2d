package dev.crow.auth.recovery;

import dev.crow.auth.account.UserAccounts;
import dev.crow.auth.account.UserSignedUp;
import dev.crow.auth.account.Users;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/** Proving a user owns their email address: a link is sent at sign-up and on request. */
@Component
class EmailVerification {

    private static final Logger log = LoggerFactory.getLogger(EmailVerification.class);

    private final Users users;
    private final UserAccounts accounts;
    private final VerificationTokens tokens;
    private final RecoveryLinks links;
    private final AccountMailer mailer;

    EmailVerification(Users users, UserAccounts accounts, VerificationTokens tokens, RecoveryLinks links,
            AccountMailer mailer) {
        this.users = users;
        this.accounts = accounts;
        this.tokens = tokens;
        this.links = links;
        this.mailer = mailer;
    }

    /** After sign-up commits; a failure here must not undo or fail the sign-up. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void onUserSignedUp(UserSignedUp event) {
        try {
            send(event.userId(), event.email(), null);
        } catch (RuntimeException e) {
            log.warn("could not prepare the verification message for user {}: {}", event.userId(), e.toString());
        }
    }

    /** Answers the same whether or not the address has an account or is already verified. */
    void request(String email, String callbackUrl) {
        String callback = links.requireSafe(callbackUrl, "INVALID_CALLBACKURL");
        users.findByEmail(email)
                .filter(user -> !user.isEmailVerified())
                .ifPresent(user -> send(user.getId(), user.getEmail(), callback));
    }

    /** The verified user's id, once per token. */
    Optional<UUID> verify(String token) {
        Optional<UUID> userId = tokens.redeem(token, TokenPurpose.VERIFY_EMAIL);
        userId.ifPresent(accounts::markEmailVerified);
        return userId;
    }

    String requireSafeCallback(String callbackUrl) {
        return links.requireSafe(callbackUrl, "INVALID_CALLBACKURL");
    }

    private void send(UUID userId, String email, String callbackUrl) {
        VerificationTokens.IssuedToken issued = tokens.issue(userId, TokenPurpose.VERIFY_EMAIL);
        mailer.send(new AccountMessage(AccountMessage.Kind.EMAIL_VERIFICATION, userId, email, issued.token(),
                links.emailVerification(issued.token(), callbackUrl), issued.expiresAt()));
    }
}
