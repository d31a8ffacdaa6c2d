package dev.crow.auth.recovery;

/**
 * Delivers account messages (password reset, email verification). Until a notifications
 * service exists the only implementation logs; a delivering one replaces
 * {@link LoggingAccountMailer} as the bean.
 */
public interface AccountMailer {

    void send(AccountMessage message);
}
