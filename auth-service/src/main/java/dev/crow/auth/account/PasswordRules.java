package dev.crow.auth.account;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;

/** Better Auth's password length rule, with its error codes. */
public final class PasswordRules {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 128;

    private PasswordRules() {
    }

    /** 400 {@code PASSWORD_TOO_SHORT} / {@code PASSWORD_TOO_LONG} unless 8..128 characters. */
    public static String require(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new CrowException(ErrorKind.VALIDATION, "PASSWORD_TOO_SHORT", "Password too short");
        }
        if (password.length() > MAX_LENGTH) {
            throw new CrowException(ErrorKind.VALIDATION, "PASSWORD_TOO_LONG", "Password too long");
        }
        return password;
    }
}
