package dev.crow.auth.signing;

import dev.crow.auth.AuthClock;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The keys this instance signs with and publishes, cached for at most
 * {@link #SNAPSHOT_MAX_AGE} so minting a token costs no database round trip. Every minute it
 * asks for a rotation (which only happens when one is due) and reloads.
 */
@Component
public class SigningKeyRing {

    static final Duration SNAPSHOT_MAX_AGE = Duration.ofMinutes(1);
    /** An unknown kid reloads the ring at most this often, so forged kids cannot hammer the database. */
    private static final Duration UNKNOWN_KID_RELOAD = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(SigningKeyRing.class);

    private final SigningKeyRotation rotation;
    private final SigningKeyCipher cipher;
    private final AuthClock clock;
    private volatile Snapshot snapshot;

    SigningKeyRing(SigningKeyRotation rotation, SigningKeyCipher cipher, AuthClock clock) {
        this.rotation = rotation;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** A public key under its kid, with its JWK {@code x}. */
    public record PublishedKey(String kid, PublicKey publicKey, String x) {
    }

    record CurrentKey(String kid, PrivateKey privateKey) {
    }

    private record Snapshot(CurrentKey current, Map<String, PublishedKey> published, Instant loadedAt) {
    }

    CurrentKey current() {
        return fresh().current();
    }

    /** Every key a verifier may meet: the signing one and retired ones still in their overlap window. */
    public List<PublishedKey> published() {
        return List.copyOf(fresh().published().values());
    }

    public Optional<PublicKey> publicKey(String kid) {
        Snapshot current = fresh();
        PublishedKey key = current.published().get(kid);
        if (key == null && clock.now().isAfter(current.loadedAt().plus(UNKNOWN_KID_RELOAD))) {
            key = reload().published().get(kid);
        }
        return Optional.ofNullable(key).map(PublishedKey::publicKey);
    }

    /** Starts a new key now, whatever its schedule (operations, and tests of the overlap). */
    public void rotateNow() {
        rotation.rotateIfDue(true);
        reload();
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    void maintain() {
        try {
            rotation.rotateIfDue(false);
            reload();
        } catch (RuntimeException e) {
            log.warn("signing key maintenance failed, will retry: {}", e.toString());
        }
    }

    private Snapshot fresh() {
        Snapshot current = snapshot;
        if (current == null || clock.now().isAfter(current.loadedAt().plus(SNAPSHOT_MAX_AGE))) {
            return reload();
        }
        return current;
    }

    private synchronized Snapshot reload() {
        List<SigningKey> keys = rotation.publishable();
        if (keys.stream().noneMatch(key -> key.getRetiredAt() == null)) {
            rotation.rotateIfDue(false);
            keys = rotation.publishable();
        }
        CurrentKey current = openCurrent(keys);
        if (current == null) {
            // The signing key does not open (the secret was changed): start a key under the new secret.
            log.error("the current signing key does not open with crow.auth.signing-key-secret; starting a new key");
            rotation.rotateIfDue(true);
            keys = rotation.publishable();
            current = openCurrent(keys);
        }
        if (current == null) {
            throw new IllegalStateException("no signing key is available");
        }
        Map<String, PublishedKey> published = new LinkedHashMap<>();
        for (SigningKey key : keys) {
            byte[] encoded = key.getPublicKey();
            published.put(key.getKid(),
                    new PublishedKey(key.getKid(), Ed25519Keys.publicKey(encoded), Ed25519Keys.x(encoded)));
        }
        Snapshot loaded = new Snapshot(current, Collections.unmodifiableMap(published), clock.now());
        snapshot = loaded;
        return loaded;
    }

    /** The newest unretired key, opened; {@code null} when there is none or it does not open. */
    private CurrentKey openCurrent(List<SigningKey> keys) {
        for (SigningKey key : keys) {
            if (key.getRetiredAt() == null) {
                try {
                    return new CurrentKey(key.getKid(),
                            Ed25519Keys.privateKey(cipher.open(key.getKid(), key.getPrivateKeySealed())));
                } catch (IllegalStateException unopenable) {
                    return null;
                }
            }
        }
        return null;
    }
}
