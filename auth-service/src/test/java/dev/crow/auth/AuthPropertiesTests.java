package dev.crow.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class AuthPropertiesTests {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void bindsWithDefaultsWhenBothSecretsAreSet() {
        AuthProperties properties = bind(Map.of("crow.auth.cookie-secret", SECRET, "crow.auth.signing-key-secret", SECRET));
        assertThat(properties.jwtTtl()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.sessionTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.signingKeyRotation()).isEqualTo(Duration.ofDays(7));
        assertThat(properties.baseUrl().toString()).isEqualTo("http://localhost:8080");
        assertThat(properties.secureCookies()).isFalse();
        assertThat(properties.trustedOrigins()).isEmpty();
    }

    @Test
    void refusesToStartWithoutACookieSecret() {
        assertThatThrownBy(() -> bind(Map.of("crow.auth.signing-key-secret", SECRET)))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("crow.auth.cookie-secret").hasMessageContaining("CROW_AUTH_COOKIE_SECRET")
                .hasMessageContaining("not set");
    }

    @Test
    void refusesToStartWithoutASigningKeySecret() {
        assertThatThrownBy(() -> bind(Map.of("crow.auth.cookie-secret", SECRET)))
                .rootCause().hasMessageContaining("crow.auth.signing-key-secret");
    }

    @Test
    void refusesSecretsShorterThan32Characters() {
        assertThatThrownBy(() -> bind(Map.of("crow.auth.cookie-secret", SECRET.substring(1),
                "crow.auth.signing-key-secret", SECRET)))
                .rootCause().hasMessageContaining("too short").hasMessageContaining("32");
    }

    @Test
    void httpsBaseUrlMeansSecureCookies() {
        assertThat(TestProperties.withBaseUrl("https://api.crowai.dev").secureCookies()).isTrue();
    }

    private static AuthProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("crow.auth", AuthProperties.class);
    }
}
