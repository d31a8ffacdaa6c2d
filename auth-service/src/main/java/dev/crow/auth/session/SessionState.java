package dev.crow.auth.session;

import java.time.Instant;
import java.util.UUID;

/**
 * A valid session as the request presented it.
 *
 * @param token     the raw (unsigned) session token the client holds
 * @param refreshed whether this use pushed the expiry forward, so the cookie must be re-sent
 */
public record SessionState(
        UUID id,
        String token,
        UUID userId,
        Instant expiresAt,
        String ipAddress,
        String userAgent,
        UUID activeOrganizationId,
        Instant createdAt,
        Instant updatedAt,
        boolean refreshed) {

    static SessionState of(Session session, String token, boolean refreshed) {
        return new SessionState(session.getId(), token, session.getUserId(), session.getExpiresAt(),
                session.getIpAddress(), session.getUserAgent(), session.getActiveOrganizationId(),
                session.getCreatedAt(), session.getUpdatedAt(), refreshed);
    }
}
