package dev.crow.auth.account;

import dev.crow.auth.AuthClock;
import dev.crow.platform.events.CrowEvents;
import dev.crow.platform.events.types.UserRegistered;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every write to users and their credentials, each in one transaction. A new user is
 * announced to the other services ({@code user.registered}) through the platform outbox, in
 * the same transaction.
 */
@Component
public class UserAccounts {

    private final UserRepository users;
    private final CredentialAccountRepository credentials;
    private final AuthClock clock;
    private final ApplicationEventPublisher events;
    private final CrowEvents platformEvents;

    UserAccounts(UserRepository users, CredentialAccountRepository credentials, AuthClock clock,
            ApplicationEventPublisher events, CrowEvents platformEvents) {
        this.users = users;
        this.credentials = credentials;
        this.clock = clock;
        this.events = events;
        this.platformEvents = platformEvents;
    }

    /** A new user with a password credential; the email must already be normalized and free. */
    @Transactional
    User create(String name, String email, String passwordHash) {
        User user = new User(name, email, clock.now());
        users.saveAndFlush(user);
        credentials.saveAndFlush(new CredentialAccount(user.getId(), passwordHash, clock.now()));
        events.publishEvent(new UserSignedUp(user.getId(), user.getEmail()));
        platformEvents.publish(new UserRegistered(user.getId().toString(), user.getEmail(), user.getName(),
                user.getImage()));
        return user;
    }

    /** Replaces the password hash (creating the credential if the user had none). */
    @Transactional
    public void changePassword(UUID userId, String passwordHash) {
        credentials.findByUserIdAndProviderId(userId, CredentialAccount.CREDENTIAL_PROVIDER)
                .ifPresentOrElse(
                        credential -> credential.changePassword(passwordHash, clock.now()),
                        () -> credentials.save(new CredentialAccount(userId, passwordHash, clock.now())));
    }

    @Transactional
    public void markEmailVerified(UUID userId) {
        users.findById(userId).ifPresent(user -> user.markEmailVerified(clock.now()));
    }
}
