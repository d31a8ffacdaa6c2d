package dev.crow.auth.account;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Read access to users for other features; the repository itself stays inside this package. */
@Component
public class Users {

    private final UserRepository users;

    Users(UserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Optional<User> find(UUID id) {
        return users.findById(id);
    }

    /** By email, normalized first (so callers may pass what the client typed). */
    @Transactional(readOnly = true)
    public Optional<User> findByEmail(String email) {
        return users.findByEmail(EmailAddresses.normalize(email));
    }
}
