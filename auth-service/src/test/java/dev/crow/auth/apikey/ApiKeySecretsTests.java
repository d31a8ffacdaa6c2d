package dev.crow.auth.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeySecretsTests {

    @Test
    void keysAreCrowPrefixedWithSixtyFourRandomLetters() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String key = ApiKeySecrets.generate();
            assertThat(key).matches("crow_[A-Za-z]{64}");
            assertThat(ApiKeySecrets.isWellFormed(key)).isTrue();
            seen.add(key);
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void hashIsBase64UrlOfSha256LikeBetterAuth() throws Exception {
        String key = "crow_" + "a".repeat(64);
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        assertThat(ApiKeySecrets.hash(key)).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest))
                .hasSize(43).doesNotContain("=", "+", "/");
    }

    @Test
    void knownVector() {
        // SHA-256("abc") = ba7816bf…; base64url without padding:
        assertThat(ApiKeySecrets.hash("abc")).isEqualTo("ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0");
    }

    @Test
    void startIsTheFirstSixCharactersIncludingThePrefix() {
        assertThat(ApiKeySecrets.start("crow_Abcdefgh")).isEqualTo("crow_A");
    }

    @Test
    void malformedKeysNeverReachTheDatabase() {
        assertThat(ApiKeySecrets.isWellFormed(null)).isFalse();
        assertThat(ApiKeySecrets.isWellFormed("crow_short")).isFalse();
        assertThat(ApiKeySecrets.isWellFormed("sk_" + "a".repeat(66))).isFalse();
        assertThat(ApiKeySecrets.isWellFormed("crow_" + "a".repeat(63) + "1")).isFalse();
        assertThat(ApiKeySecrets.isWellFormed("crow_" + "a".repeat(65))).isFalse();
    }
}
