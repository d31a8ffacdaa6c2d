package dev.crow.auth.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crow.auth.AuthProperties;
import dev.crow.auth.TestProperties;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SigningKeyCipherTests {

    private final SigningKeyCipher cipher = new SigningKeyCipher(TestProperties.local());
    private final byte[] secret = "private key bytes".getBytes(StandardCharsets.UTF_8);

    @Test
    void sealsAndOpens() {
        byte[] sealed = cipher.seal("kid-1", secret);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private key bytes");
        assertThat(cipher.open("kid-1", sealed)).isEqualTo(secret);
    }

    @Test
    void usesAFreshNonceEachTime() {
        assertThat(cipher.seal("kid-1", secret)).isNotEqualTo(cipher.seal("kid-1", secret));
    }

    @Test
    void aSealedKeyDoesNotOpenUnderAnotherKid() {
        byte[] sealed = cipher.seal("kid-1", secret);
        assertThatThrownBy(() -> cipher.open("kid-2", sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSealedKeyDoesNotOpenWithAnotherSecret() {
        byte[] sealed = cipher.seal("kid-1", secret);
        SigningKeyCipher other = new SigningKeyCipher(new AuthProperties(URI.create("http://localhost:8080"), List.of(),
                TestProperties.COOKIE_SECRET, "a-different-signing-key-secret-0123456789", Duration.ofMinutes(5),
                Duration.ofDays(7), Duration.ofDays(7)));
        assertThatThrownBy(() -> other.open("kid-1", sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("kid-1");
    }
}
