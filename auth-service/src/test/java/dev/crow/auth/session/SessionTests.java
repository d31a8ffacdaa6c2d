package dev.crow.auth.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SessionTests {

    private static final Duration TTL = Duration.ofDays(7);
    private final Instant start = Instant.parse("2025-11-14T10:28:44.214Z");

    @Test
    void isNotRefreshedWithinADayOfTheLastRefresh() {
        Session session = new Session("hash", UUID.randomUUID(), null, null, start, TTL);
        assertThat(session.refreshIfDue(start.plus(Duration.ofHours(23)), TTL, SessionStore.UPDATE_AGE)).isFalse();
        assertThat(session.getExpiresAt()).isEqualTo(start.plus(TTL));
    }

    @Test
    void isPushedForwardWhenUsedMoreThanADayAfterTheLastRefresh() {
        Session session = new Session("hash", UUID.randomUUID(), null, null, start, TTL);
        Instant later = start.plus(Duration.ofHours(25));
        assertThat(session.refreshIfDue(later, TTL, SessionStore.UPDATE_AGE)).isTrue();
        assertThat(session.getExpiresAt()).isEqualTo(later.plus(TTL));
        assertThat(session.getUpdatedAt()).isEqualTo(later);
    }

    @Test
    void expiresAtItsExpiry() {
        Session session = new Session("hash", UUID.randomUUID(), null, null, start, TTL);
        assertThat(session.isExpired(start.plus(TTL).minusMillis(1))).isFalse();
        assertThat(session.isExpired(start.plus(TTL))).isTrue();
    }
}
