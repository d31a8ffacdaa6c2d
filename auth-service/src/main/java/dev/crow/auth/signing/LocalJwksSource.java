package dev.crow.auth.signing;

import dev.crow.platform.security.JwksSource;
import java.security.PublicKey;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The starter verifies internal JWTs in auth-service against the local key table instead of
 * fetching our own JWKS over HTTP.
 */
@Component
class LocalJwksSource implements JwksSource {

    private final SigningKeyRing ring;

    LocalJwksSource(SigningKeyRing ring) {
        this.ring = ring;
    }

    @Override
    public Optional<PublicKey> key(String kid) {
        return kid == null ? Optional.empty() : ring.publicKey(kid);
    }
}
