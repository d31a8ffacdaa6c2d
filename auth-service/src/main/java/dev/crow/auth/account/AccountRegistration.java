package dev.crow.auth.account;

import dev.crow.auth.DisplayNames;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Sign-up's rules: a name, a business email that is not taken, a password of 8..128
 * characters. The password is hashed before the transaction opens so no database
 * connection waits on Argon2.
 */
@Component
public class AccountRegistration {

    private static final int MAX_NAME_LENGTH = 200;

    private final UserRepository users;
    private final UserAccounts accounts;
    private final PasswordHasher hasher;

    AccountRegistration(UserRepository users, UserAccounts accounts, PasswordHasher hasher) {
        this.users = users;
        this.accounts = accounts;
        this.hasher = hasher;
    }

    public User register(String name, String email, String password) {
        String trimmedName = DisplayNames.require(name, MAX_NAME_LENGTH, "name");
        String normalizedEmail = EmailAddresses.normalize(email);
        EmailAddresses.requireBusinessDomain(normalizedEmail);
        PasswordRules.require(password);
        if (users.existsByEmail(normalizedEmail)) {
            throw emailTaken();
        }
        String hash = hasher.hash(password);
        try {
            return accounts.create(trimmedName, normalizedEmail, hash);
        } catch (DataIntegrityViolationException raced) {
            throw emailTaken();
        }
    }

    private static CrowException emailTaken() {
        return new CrowException(ErrorKind.UNPROCESSABLE, "USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL",
                "User already exists. Use another email.");
    }
}
