package dev.crow.auth.signing;

import java.time.Duration;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The public keys verifiers need, as a JWK Set of Ed25519 OKP keys. */
@RestController
class JwksController {

    private final SigningKeyRing ring;

    JwksController(SigningKeyRing ring) {
        this.ring = ring;
    }

    @GetMapping("/api/v1/auth/jwks")
    ResponseEntity<JwkSet> jwks() {
        List<Jwk> keys = ring.published().stream().map(key -> new Jwk("OKP", "Ed25519", key.x(), "EdDSA", key.kid(), "sig"))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic())
                .body(new JwkSet(keys));
    }

    record JwkSet(List<Jwk> keys) {
    }

    record Jwk(String kty, String crv, String x, String alg, String kid, String use) {
    }
}
