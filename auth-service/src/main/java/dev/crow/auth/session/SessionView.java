package dev.crow.auth.session;

import java.time.Instant;

/** Better Auth's session object. {@code token} is the raw token the client already holds. */
record SessionView(
        String id,
        String token,
        String userId,
        Instant expiresAt,
        String ipAddress,
        String userAgent,
        Instant createdAt,
        Instant updatedAt,
        String activeOrganizationId) {

    static SessionView of(SessionState session) {
        return new SessionView(session.id().toString(), session.token(), session.userId().toString(),
                session.expiresAt(), session.ipAddress(), session.userAgent(), session.createdAt(),
                session.updatedAt(),
                session.activeOrganizationId() == null ? null : session.activeOrganizationId().toString());
    }
}
