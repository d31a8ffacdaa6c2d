package dev.crow.auth.origin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.auth.TestProperties;
import org.junit.jupiter.api.Test;

class TrustedOriginsTests {

    private final TrustedOrigins origins = new TrustedOrigins(TestProperties.local());

    @Test
    void trustsTheBaseUrlOriginAndConfiguredOrigins() {
        assertThat(origins.isTrusted("http://localhost:8080")).isTrue();
        assertThat(origins.isTrusted("http://localhost:3000")).isTrue();
        assertThat(origins.isTrusted("http://LOCALHOST:3000")).isTrue();
        assertThat(origins.isTrusted("http://localhost:3000/some/page?x=1")).isTrue();
    }

    @Test
    void distrustsOtherSchemesPortsAndHosts() {
        assertThat(origins.isTrusted("https://localhost:3000")).isFalse();
        assertThat(origins.isTrusted("http://localhost:3001")).isFalse();
        assertThat(origins.isTrusted("http://localhost.evil.com:3000")).isFalse();
        assertThat(origins.isTrusted("null")).isFalse();
        assertThat(origins.isTrusted("")).isFalse();
        assertThat(origins.isTrusted("file:///etc/passwd")).isFalse();
        assertThat(origins.isTrusted("not a url")).isFalse();
    }

    @Test
    void wildcardEntriesMatchSubdomainsOnly() {
        assertThat(origins.isTrusted("https://app.crowai.dev")).isTrue();
        assertThat(origins.isTrusted("https://a.b.crowai.dev")).isTrue();
        assertThat(origins.isTrusted("https://crowai.dev")).isFalse();
        assertThat(origins.isTrusted("https://evilcrowai.dev")).isFalse();
        assertThat(origins.isTrusted("http://app.crowai.dev")).isFalse();
    }

    @Test
    void redirectsMayBeRelativeOrTrustedButNeverProtocolRelative() {
        assertThat(origins.isSafeRedirect("/reset-password")).isTrue();
        assertThat(origins.isSafeRedirect("http://localhost:3000/reset")).isTrue();
        assertThat(origins.isSafeRedirect("//evil.com/reset")).isFalse();
        assertThat(origins.isSafeRedirect("/\\evil.com")).isFalse();
        assertThat(origins.isSafeRedirect("https://evil.com/reset")).isFalse();
        assertThat(origins.isSafeRedirect("javascript:alert(1)")).isFalse();
        assertThat(origins.isSafeRedirect("/path with spaces")).isFalse();
    }
}
