package dev.crow.org.invitation;

import java.time.Instant;

/**
 * An invitation as admins see it; never its token.
 *
 * @param id             invitation id
 * @param organizationId the organization
 * @param email          invitee
 * @param role           admin or member
 * @param status         pending, accepted, revoked or expired
 * @param invitedBy      user id of the inviter
 * @param expiresAt      when it stops working
 * @param createdAt      when it was made
 * @param sentAt         when the mail last went out
 */
record InvitationView(String id, String organizationId, String email, String role, String status, String invitedBy,
        Instant expiresAt, Instant createdAt, Instant sentAt) {
}
