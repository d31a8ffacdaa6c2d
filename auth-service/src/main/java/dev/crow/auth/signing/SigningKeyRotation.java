package dev.crow.auth.signing;

import dev.crow.auth.AuthClock;
import dev.crow.auth.AuthProperties;
import dev.crow.auth.Hashes;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and retires signing keys under the rotation row lock, so any number of instances
 * may call it at once and exactly one new key comes out of each due rotation.
 */
@Component
class SigningKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(SigningKeyRotation.class);

    private final SigningKeyRepository keys;
    private final SigningKeyRotationLocks locks;
    private final SigningKeyCipher cipher;
    private final AuthClock clock;
    private final Duration rotation;
    private final Duration overlap;

    SigningKeyRotation(SigningKeyRepository keys, SigningKeyRotationLocks locks, SigningKeyCipher cipher,
            AuthClock clock, AuthProperties properties) {
        this.keys = keys;
        this.locks = locks;
        this.cipher = cipher;
        this.clock = clock;
        this.rotation = properties.signingKeyRotation();
        this.overlap = overlap(properties.jwtTtl());
    }

    /**
     * How long a retired key stays published: twice the token lifetime, plus the time another
     * instance may go on signing with it before its cached key ring notices the rotation.
     */
    static Duration overlap(Duration jwtTtl) {
        return jwtTtl.multipliedBy(2).plus(SigningKeyRing.SNAPSHOT_MAX_AGE);
    }

    /** Rotates when the newest key is older than the rotation period (or none exists, or {@code force}). */
    @Transactional
    boolean rotateIfDue(boolean force) {
        SigningKeyRotationLock lock = locks.lock(SigningKeyRotationLock.ID)
                .orElseThrow(() -> new IllegalStateException("signing_key_rotation row is missing; check migrations"));
        Instant now = clock.now();
        keys.deleteUnpublishedBefore(now);
        List<SigningKey> signing = keys.findByRetiredAtIsNullOrderByCreatedAtDesc();
        boolean due = force || signing.isEmpty() || !signing.get(0).getCreatedAt().plus(rotation).isAfter(now);
        if (!due) {
            return false;
        }
        keys.save(newKey(now));
        Instant publishUntil = now.plus(overlap);
        signing.forEach(key -> key.retire(now, publishUntil));
        lock.rotated(now);
        log.info("signing key rotated; {} previous key(s) stay published until {}", signing.size(), publishUntil);
        return true;
    }

    @Transactional(readOnly = true)
    List<SigningKey> publishable() {
        return keys.findPublishable(clock.now());
    }

    private SigningKey newKey(Instant now) {
        KeyPair pair = Ed25519Keys.generate();
        String kid = Hashes.randomToken(16);
        byte[] sealed = cipher.seal(kid, pair.getPrivate().getEncoded());
        return new SigningKey(kid, pair.getPublic().getEncoded(), sealed, now);
    }
}
