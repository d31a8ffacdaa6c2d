package dev.crow.auth.session;

import dev.crow.auth.AuthClock;
import dev.crow.auth.AuthProperties;
import dev.crow.auth.Hashes;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The session table's transactions. Tokens enter as raw values and are only ever stored hashed. */
@Component
class SessionStore {

    /** Better Auth's {@code updateAge}: at most one expiry push per day of activity. */
    static final Duration UPDATE_AGE = Duration.ofDays(1);

    private final SessionRepository sessions;
    private final AuthClock clock;
    private final Duration ttl;

    SessionStore(SessionRepository sessions, AuthClock clock, AuthProperties properties) {
        this.sessions = sessions;
        this.clock = clock;
        this.ttl = properties.sessionTtl();
    }

    @Transactional
    SessionState create(UUID userId, ClientInfo client) {
        String token = Hashes.randomToken(32);
        Session session = new Session(Hashes.sha256(token), userId, client.ipAddress(), client.userAgent(),
                clock.now(), ttl);
        sessions.save(session);
        return SessionState.of(session, token, false);
    }

    /** The live session behind a raw token; an expired one is deleted on sight. */
    @Transactional
    Optional<SessionState> find(String token) {
        Optional<Session> found = sessions.findByTokenHash(Hashes.sha256(token));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Session session = found.get();
        if (session.isExpired(clock.now())) {
            sessions.delete(session);
            return Optional.empty();
        }
        boolean refreshed = session.refreshIfDue(clock.now(), ttl, UPDATE_AGE);
        return Optional.of(SessionState.of(session, token, refreshed));
    }

    @Transactional
    void delete(UUID sessionId) {
        sessions.deleteById(sessionId);
    }

    @Transactional
    void activate(UUID sessionId, UUID organizationId) {
        sessions.findById(sessionId).ifPresent(session -> session.activate(organizationId, clock.now()));
    }

    @Transactional
    int deleteAllOf(UUID userId) {
        return sessions.deleteAllOfUser(userId);
    }

    /** Expired rows are dead weight; lookups already ignore them. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @Transactional
    void purgeExpired() {
        sessions.deleteExpiredBefore(clock.now());
    }
}
