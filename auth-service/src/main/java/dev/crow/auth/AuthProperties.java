package dev.crow.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * auth-service's configuration (prefix {@code crow.auth}). The two secrets have no default:
 * a deployment that forgot them must not start with a guessable one.
 *
 * @param baseUrl            public base URL clients reach the platform at (its origin is trusted;
 *                           https switches the session cookie to {@code Secure} and the {@code __Secure-} name)
 * @param trustedOrigins     further origins (dashboards) allowed to make state-changing calls with cookies
 * @param cookieSecret       HMAC key that signs the session cookie (env {@code CROW_AUTH_COOKIE_SECRET})
 * @param signingKeySecret   key material that encrypts the JWT signing keys at rest
 *                           (env {@code CROW_AUTH_SIGNING_KEY_SECRET})
 * @param jwtTtl             lifetime of internal JWTs
 * @param sessionTtl         lifetime of a session, pushed forward when it is used
 * @param signingKeyRotation how long one signing key signs before a new one takes over
 */
@ConfigurationProperties("crow.auth")
public record AuthProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue List<String> trustedOrigins,
        String cookieSecret,
        String signingKeySecret,
        @DefaultValue("5m") Duration jwtTtl,
        @DefaultValue("7d") Duration sessionTtl,
        @DefaultValue("7d") Duration signingKeyRotation) {

    public static final int MIN_SECRET_LENGTH = 32;

    public AuthProperties {
        requireSecret("crow.auth.cookie-secret", "CROW_AUTH_COOKIE_SECRET", cookieSecret);
        requireSecret("crow.auth.signing-key-secret", "CROW_AUTH_SIGNING_KEY_SECRET", signingKeySecret);
        if (baseUrl == null || baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            throw new IllegalStateException("crow.auth.base-url must be an absolute http(s) URL");
        }
        requireAtLeast("crow.auth.jwt-ttl", jwtTtl, Duration.ofSeconds(30));
        requireAtLeast("crow.auth.session-ttl", sessionTtl, Duration.ofHours(1));
        requireAtLeast("crow.auth.signing-key-rotation", signingKeyRotation, Duration.ofMinutes(5));
        trustedOrigins = trustedOrigins == null ? List.of() : List.copyOf(trustedOrigins);
    }

    /** True when clients reach us over https, so cookies must be {@code Secure}. */
    public boolean secureCookies() {
        return "https".equals(baseUrl.getScheme().toLowerCase(Locale.ROOT));
    }

    private static void requireSecret(String property, String env, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(property + " (env " + env + ") is not set: configure a random secret of at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
        if (value.length() < MIN_SECRET_LENGTH) {
            throw new IllegalStateException(property + " (env " + env + ") is too short: it needs at least "
                    + MIN_SECRET_LENGTH + " characters");
        }
    }

    private static void requireAtLeast(String property, Duration value, Duration minimum) {
        if (value == null || value.compareTo(minimum) < 0) {
            throw new IllegalStateException(property + " must be at least " + minimum);
        }
    }
}
