package dev.crow.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.platform.config.CrowPlatformProperties;
import dev.crow.platform.testapp.TestTokens;
import java.net.URI;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class InternalJwtVerifierTests {

    private static final KeyPair KEYS = TestTokens.newKeyPair();
    private static final CrowPlatformProperties.Jwt SETTINGS = new CrowPlatformProperties.Jwt(
            URI.create("http://auth.invalid/jwks"), "crow-auth", "crow-platform", Duration.ofMinutes(5),
            Duration.ofSeconds(30));

    private final AtomicInteger keyLookups = new AtomicInteger();
    private final MovableClock clock = new MovableClock(Instant.now());
    private final InternalJwtVerifier verifier = new InternalJwtVerifier(kid -> {
        keyLookups.incrementAndGet();
        return "k1".equals(kid) ? Optional.of(KEYS.getPublic()) : Optional.empty();
    }, SETTINGS, clock);

    private String token(Instant expiresAt) {
        return TestTokens.token(KEYS.getPrivate(), "k1", "crow-auth", "crow-platform", "org-1",
                List.of("interactions"), expiresAt);
    }

    @Test
    void aVerifiedTokenIsNotVerifiedAgain() {
        String token = token(Instant.now().plusSeconds(300));

        assertThat(verifier.verify(token)).hasValueSatisfying(caller -> {
            assertThat(caller.organizationId()).isEqualTo("org-1");
            assertThat(caller.permissions()).containsExactly(Permission.INTERACTIONS);
        });
        assertThat(verifier.verify(token)).isPresent();
        assertThat(verifier.verify(token)).isPresent();

        assertThat(keyLookups).hasValue(1);
        assertThat(verifier.remembered()).isEqualTo(1);
    }

    @Test
    void aRememberedTokenStopsBeingAcceptedAtItsExpiryPlusSkew() {
        Instant expiry = Instant.now().plusSeconds(60);
        String token = token(expiry);
        assertThat(verifier.verify(token)).isPresent();

        clock.set(expiry.plusSeconds(29));
        assertThat(verifier.verify(token)).as("within the allowed skew").isPresent();

        clock.set(expiry.plusSeconds(31));
        assertThat(verifier.verify(token)).isEmpty();
        assertThat(verifier.remembered()).isZero();
    }

    @Test
    void failuresAreNotRememberedAndATamperedCopyOfARememberedTokenIsRefused() {
        String token = token(Instant.now().plusSeconds(300));
        assertThat(verifier.verify(token)).isPresent();

        String[] parts = token.split("\\.");
        String otherClaims = TestTokens.token(KEYS.getPrivate(), "k1", "crow-auth", "crow-platform", "org-2",
                List.of("interactions"), Instant.now().plusSeconds(300)).split("\\.")[1];
        String forged = parts[0] + "." + otherClaims + "." + parts[2];

        assertThat(verifier.verify(forged)).isEmpty();
        assertThat(verifier.verify(forged)).isEmpty();
        assertThat(keyLookups).as("the forged token was checked each time").hasValue(3);
        assertThat(verifier.remembered()).isEqualTo(1);
    }

    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
