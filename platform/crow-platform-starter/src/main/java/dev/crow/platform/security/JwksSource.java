package dev.crow.platform.security;

import java.security.PublicKey;
import java.util.Optional;

/**
 * Where the starter finds the public keys that internal JWTs are verified with. By default
 * they are fetched from auth-service's JWKS and cached; auth-service itself reads its own
 * key table instead.
 */
public interface JwksSource {

    /** The public key published under {@code kid}, if there is one (after at most one refresh). */
    Optional<PublicKey> key(String kid);
}
