package dev.crow.auth.account;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Checks an email and password. Unknown users, users without a password and wrong passwords
 * all answer the same 401 after the same amount of Argon2 work, so neither the body nor the
 * timing tells an attacker which emails have accounts.
 */
@Component
public class Credentials {

    private final UserRepository users;
    private final CredentialAccountRepository credentials;
    private final PasswordHasher hasher;

    Credentials(UserRepository users, CredentialAccountRepository credentials, PasswordHasher hasher) {
        this.users = users;
        this.credentials = credentials;
        this.hasher = hasher;
    }

    public User verify(String email, String password) {
        String normalizedEmail = EmailAddresses.normalize(email);
        if (password == null || password.isEmpty() || password.length() > PasswordRules.MAX_LENGTH) {
            // No stored password can match; refusing early keeps huge inputs away from Argon2.
            throw invalid();
        }
        Optional<User> user = users.findByEmail(normalizedEmail);
        Optional<String> hash = user.flatMap(found ->
                credentials.findByUserIdAndProviderId(found.getId(), CredentialAccount.CREDENTIAL_PROVIDER))
                .map(CredentialAccount::getPasswordHash);
        boolean matches = hash.isPresent() ? hasher.matches(password, hash.get()) : hasher.matchesNothing(password);
        if (!matches || user.isEmpty()) {
            throw invalid();
        }
        return user.get();
    }

    private static CrowException invalid() {
        return new CrowException(ErrorKind.UNAUTHORIZED, "INVALID_EMAIL_OR_PASSWORD", "Invalid email or password");
    }
}
