package dev.crow.auth.recovery;

import dev.crow.auth.account.PasswordHasher;
import dev.crow.auth.account.PasswordRules;
import dev.crow.auth.account.UserAccounts;
import dev.crow.auth.account.Users;
import dev.crow.auth.session.Sessions;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Forgotten passwords. Requesting a reset answers the same whether or not the email has an
 * account; completing one signs the user out everywhere, since whoever knew the old password
 * may hold a session.
 */
@Component
class PasswordRecovery {

    private final Users users;
    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final Sessions sessions;
    private final VerificationTokens tokens;
    private final RecoveryLinks links;
    private final AccountMailer mailer;
    private final TransactionTemplate transaction;

    PasswordRecovery(Users users, UserAccounts accounts, PasswordHasher hasher, Sessions sessions,
            VerificationTokens tokens, RecoveryLinks links, AccountMailer mailer, TransactionTemplate transaction) {
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
        this.sessions = sessions;
        this.tokens = tokens;
        this.links = links;
        this.mailer = mailer;
        this.transaction = transaction;
    }

    void requestReset(String email, String redirectTo) {
        String redirect = links.requireSafe(redirectTo, "INVALID_REDIRECTURL");
        users.findByEmail(email).ifPresent(user -> {
            VerificationTokens.IssuedToken issued = tokens.issue(user.getId(), TokenPurpose.RESET_PASSWORD);
            mailer.send(new AccountMessage(AccountMessage.Kind.PASSWORD_RESET, user.getId(), user.getEmail(),
                    issued.token(), links.passwordReset(issued.token(), redirect), issued.expiresAt()));
        });
    }

    /** Where the mailed link sends the browser: the app's reset page with the token, or with an error. */
    String resetRedirect(String token, String callbackUrl) {
        String target = links.requireSafe(callbackUrl, "INVALID_CALLBACKURL");
        if (target == null) {
            throw CrowException.invalid("callbackURL");
        }
        return tokens.peek(token, TokenPurpose.RESET_PASSWORD).isPresent()
                ? RecoveryLinks.withParameter(target, "token", token)
                : RecoveryLinks.withParameter(target, "error", "INVALID_TOKEN");
    }

    void reset(String token, String newPassword) {
        PasswordRules.require(newPassword);
        if (tokens.peek(token, TokenPurpose.RESET_PASSWORD).isEmpty()) {
            throw invalidToken();
        }
        // Hash before the transaction: Argon2 must not hold a database connection.
        String hash = hasher.hash(newPassword);
        transaction.executeWithoutResult(status -> {
            UUID userId = tokens.redeem(token, TokenPurpose.RESET_PASSWORD).orElseThrow(PasswordRecovery::invalidToken);
            accounts.changePassword(userId, hash);
            sessions.endAllOf(userId);
        });
    }

    private static CrowException invalidToken() {
        return new CrowException(ErrorKind.VALIDATION, "INVALID_TOKEN", "Invalid token");
    }
}
