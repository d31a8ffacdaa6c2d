package dev.crow.auth.account;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id password hashing (OWASP's minimum: 19 MiB, 2 iterations, 1 lane). Each hash holds
 * about 19 MiB and a core for tens of milliseconds, so concurrent hashing is bounded: a burst
 * of sign-ins queues briefly and then gets a 503 instead of exhausting memory.
 */
@Component
public class PasswordHasher {

    private static final long WAIT_SECONDS = 10;

    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
    private final Semaphore permits = new Semaphore(Math.max(2, Runtime.getRuntime().availableProcessors()), true);
    /** Compared against when the user does not exist, so both paths cost one Argon2 run. */
    private final String dummyHash = encoder.encode("crow-dummy-password-for-unknown-users");

    public String hash(String password) {
        return bounded(() -> encoder.encode(password));
    }

    public boolean matches(String password, String hash) {
        if (hash == null) {
            return matchesNothing(password);
        }
        return bounded(() -> encoder.matches(password, hash));
    }

    /** Spends the same work as a real comparison and always fails. */
    public boolean matchesNothing(String password) {
        bounded(() -> encoder.matches(password, dummyHash));
        return false;
    }

    private <T> T bounded(Supplier<T> work) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new CrowException(ErrorKind.UPSTREAM_UNAVAILABLE, "Too many sign-ins at once, try again shortly");
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
