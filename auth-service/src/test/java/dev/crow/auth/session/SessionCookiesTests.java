package dev.crow.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.auth.TestProperties;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SessionCookiesTests {

    private final SessionCookies cookies = new SessionCookies(TestProperties.local());

    @Test
    void signsTheWayBetterAuthDoes() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TestProperties.COOKIE_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal("abc123".getBytes(StandardCharsets.UTF_8)));

        String signed = cookies.sign("abc123");

        assertThat(signed).isEqualTo("abc123." + expected);
        assertThat(expected).hasSize(44).endsWith("=");
    }

    @Test
    void readsBackSignedValuesPlainOrUrlEncoded() {
        String signed = cookies.sign("session-token");
        assertThat(cookies.unsign(signed)).contains("session-token");
        assertThat(cookies.unsign(URLEncoder.encode(signed, StandardCharsets.UTF_8))).contains("session-token");
    }

    @Test
    void aTamperedSignatureOrTokenIsNoSession() {
        String signed = cookies.sign("session-token");
        String signature = signed.substring(signed.indexOf('.') + 1);
        char flipped = signature.charAt(3) == 'A' ? 'B' : 'A';
        assertThat(cookies.unsign("session-token." + signature.substring(0, 3) + flipped + signature.substring(4))).isEmpty();
        assertThat(cookies.unsign("session-tokeN." + signature)).isEmpty();
        assertThat(cookies.unsign("session-token")).isEmpty();
        assertThat(cookies.unsign("session-token.")).isEmpty();
        assertThat(cookies.unsign(".")).isEmpty();
        assertThat(cookies.unsign("%zz")).isEmpty();
    }

    @Test
    void aValueSignedWithAnotherSecretIsNoSession() {
        var other = new SessionCookies(new dev.crow.auth.AuthProperties(java.net.URI.create("http://localhost:8080"),
                java.util.List.of(), "another-cookie-secret-0123456789abcdef", TestProperties.SIGNING_KEY_SECRET,
                java.time.Duration.ofMinutes(5), java.time.Duration.ofDays(7), java.time.Duration.ofDays(7)));
        assertThat(cookies.unsign(other.sign("session-token"))).isEmpty();
    }

    @Test
    void writesTheCookieUrlEncodedWithBetterAuthsAttributes() {
        String header = cookies.sessionCookieHeader("tok");
        String encoded = URLEncoder.encode(cookies.sign("tok"), StandardCharsets.UTF_8);
        assertThat(header).isEqualTo("better-auth.session_token=" + encoded
                + "; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax");
    }

    @Test
    void httpsDeploymentsUseTheSecurePrefixAndAttribute() {
        SessionCookies secure = new SessionCookies(TestProperties.withBaseUrl("https://api.crowai.dev"));
        assertThat(secure.sessionCookieHeader("tok")).startsWith("__Secure-better-auth.session_token=").endsWith("; Secure");
    }

    @Test
    void expiringSetsMaxAgeZero() {
        assertThat(cookies.expiredCookieHeader())
                .isEqualTo("better-auth.session_token=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    }
}
