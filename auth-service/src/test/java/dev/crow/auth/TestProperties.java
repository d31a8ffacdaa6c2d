package dev.crow.auth;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/** Configuration for unit tests that build components by hand. */
public final class TestProperties {

    public static final String COOKIE_SECRET = "unit-test-cookie-secret-0123456789abcdef";
    public static final String SIGNING_KEY_SECRET = "unit-test-signing-key-secret-0123456789abcdef";

    private TestProperties() {
    }

    public static AuthProperties local() {
        return withBaseUrl("http://localhost:8080");
    }

    public static AuthProperties withBaseUrl(String baseUrl) {
        return new AuthProperties(URI.create(baseUrl), List.of("http://localhost:3000", "https://*.crowai.dev"),
                COOKIE_SECRET, SIGNING_KEY_SECRET, Duration.ofMinutes(5), Duration.ofDays(7), Duration.ofDays(7));
    }
}
