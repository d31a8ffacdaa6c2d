package dev.crow.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;

import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.OctetPublicJwk;
import java.security.KeyPair;
import java.security.interfaces.EdECPublicKey;
import org.junit.jupiter.api.Test;

class Ed25519KeysTests {

    @Test
    void jwkXIsTheRawPublicKeyAsJjwtComputesIt() {
        KeyPair pair = Ed25519Keys.generate();
        OctetPublicJwk<?> jwk = (OctetPublicJwk<?>) Jwks.builder().key((EdECPublicKey) pair.getPublic()).build();
        assertThat(Ed25519Keys.x(pair.getPublic().getEncoded())).isEqualTo(jwk.get("x"));
    }

    @Test
    void encodedKeysRoundTrip() {
        KeyPair pair = Ed25519Keys.generate();
        assertThat(Ed25519Keys.publicKey(pair.getPublic().getEncoded())).isEqualTo(pair.getPublic());
        assertThat(Ed25519Keys.privateKey(pair.getPrivate().getEncoded()).getEncoded())
                .isEqualTo(pair.getPrivate().getEncoded());
    }
}
