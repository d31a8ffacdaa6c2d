package dev.crow.org.invitation;

import dev.crow.org.OrgProperties;
import dev.crow.org.organization.Members;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inviting by email. A known user becomes a member at once (through auth-service); anyone else
 * gets a mail with a one-time link valid for {@code invitation-ttl}, and becomes a member when they
 * accept it signed in with that email. Accepting claims the invitation with a conditional update,
 * so a token works once even when two requests race.
 */
@Component
class Invitations {

    private static final String COLUMNS = "id, organization_id, email, role, status, invited_by, expires_at, created_at, "
            + "sent_at";

    private final JdbcClient jdbc;
    private final Members members;
    private final AuthMemberships auth;
    private final InvitationMails mails;
    private final OrgProperties properties;

    Invitations(JdbcClient jdbc, Members members, AuthMemberships auth, InvitationMails mails, OrgProperties properties) {
        this.jdbc = jdbc;
        this.members = members;
        this.auth = auth;
        this.mails = mails;
        this.properties = properties;
    }

    /** What an invite did: added a known user, or sent an invitation. */
    record Outcome(String status, Members.MemberView member, InvitationView invitation) {
    }

    @Transactional
    Outcome invite(UUID organizationId, String email, String role, UUID inviter) {
        Optional<Members.KnownUser> known = members.userByEmail(email);
        if (known.isPresent()) {
            UUID userId = known.get().id();
            if (members.isMember(organizationId, userId)) {
                throw CrowException.conflict("This user is already a member");
            }
            auth.add(organizationId, userId, role);
            Instant now = Instant.now();
            members.record(organizationId, userId, role, now);
            return new Outcome("added", new Members.MemberView(userId.toString(), known.get().email(),
                    known.get().name(), null, role, now), null);
        }
        long pending = jdbc.sql("select count(*) from invitation where organization_id = ? and status = 'pending' "
                + "and expires_at > now()").param(organizationId).query(Long.class).single();
        if (pending >= properties.maxPendingInvitations()) {
            throw CrowException.conflict("Too many open invitations; revoke some first");
        }
        // an expired invitation for the same email no longer blocks a new one
        jdbc.sql("update invitation set status = 'revoked', revoked_at = now() where organization_id = ? "
                + "and lower(email) = lower(?) and status = 'pending' and expires_at <= now()")
                .param(organizationId).param(email).update();
        UUID id = UUID.randomUUID();
        String token = InvitationTokens.newToken();
        try {
            jdbc.sql("insert into invitation (id, organization_id, email, role, token_hash, status, invited_by, expires_at, "
                            + "created_at, sent_at) values (?, ?, ?, ?, ?, 'pending', ?, ?, now(), now())")
                    .param(id).param(organizationId).param(email).param(role).param(InvitationTokens.hash(token))
                    .param(inviter).param(Timestamp.from(Instant.now().plus(properties.invitationTtl())))
                    .update();
        } catch (DuplicateKeyException e) {
            throw CrowException.conflict("An invitation for this email is pending; resend it instead");
        }
        sendMail(organizationId, email, role, inviter, token);
        return new Outcome("invited", null, find(organizationId, id).orElseThrow());
    }

    @Transactional
    Map<String, String> accept(String token, UUID userId) {
        Members.KnownUser user = members.user(userId).orElseThrow(() -> CrowException.conflict(
                "Your account is still being set up; try again in a moment"));
        List<Object[]> claimed = jdbc.sql("update invitation set status = 'accepted', accepted_by = ?, accepted_at = now() "
                        + "where token_hash = ? and status = 'pending' and expires_at > now() and lower(email) = lower(?) "
                        + "returning organization_id, role")
                .param(userId).param(InvitationTokens.hash(token)).param(user.email())
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)})
                .list();
        if (claimed.isEmpty()) {
            boolean otherEmail = jdbc.sql("select count(*) from invitation where token_hash = ? and status = 'pending' "
                    + "and expires_at > now()").param(InvitationTokens.hash(token)).query(Long.class).single() > 0;
            if (otherEmail) {
                throw CrowException.forbidden("This invitation was sent to another email address");
            }
            throw CrowException.notFound("Invitation");
        }
        UUID organizationId = (UUID) claimed.get(0)[0];
        String role = (String) claimed.get(0)[1];
        if (!members.isMember(organizationId, userId)) {
            auth.add(organizationId, userId, role);
            members.record(organizationId, userId, role, Instant.now());
        }
        return Map.of("organizationId", organizationId.toString(), "role", role, "status", "accepted");
    }

    PageResponse<InvitationView> list(UUID organizationId, PageQuery page) {
        long total = jdbc.sql("select count(*) from invitation where organization_id = ?").param(organizationId)
                .query(Long.class).single();
        List<InvitationView> views = jdbc.sql("select " + COLUMNS + " from invitation where organization_id = ? "
                        + "order by created_at desc, id limit ? offset ?")
                .param(organizationId).param(page.limit()).param(page.offset())
                .query((rs, n) -> view(rs)).list();
        return PageResponse.of(views, page, total);
    }

    @Transactional
    void revoke(UUID organizationId, UUID invitationId) {
        InvitationView invitation = find(organizationId, invitationId).orElseThrow(() ->
                CrowException.notFound("Invitation"));
        if (!"pending".equals(invitation.status()) && !"expired".equals(invitation.status())) {
            throw CrowException.conflict("Only open invitations can be revoked");
        }
        jdbc.sql("update invitation set status = 'revoked', revoked_at = now() where id = ? and status = 'pending'")
                .param(invitationId).update();
    }

    @Transactional
    InvitationView resend(UUID organizationId, UUID invitationId, UUID sender) {
        InvitationView invitation = find(organizationId, invitationId).orElseThrow(() ->
                CrowException.notFound("Invitation"));
        if (!"pending".equals(invitation.status()) && !"expired".equals(invitation.status())) {
            throw CrowException.conflict("Only open invitations can be resent");
        }
        // a new token: the old link stops working, and the invitation runs for a full period again
        String token = InvitationTokens.newToken();
        jdbc.sql("update invitation set token_hash = ?, expires_at = ?, sent_at = now() where id = ?")
                .param(InvitationTokens.hash(token)).param(Timestamp.from(Instant.now().plus(properties.invitationTtl())))
                .param(invitationId).update();
        sendMail(organizationId, invitation.email(), invitation.role(), sender, token);
        return find(organizationId, invitationId).orElseThrow();
    }

    private void sendMail(UUID organizationId, String email, String role, UUID inviter, String token) {
        String organizationName = jdbc.sql("select name from organization where id = ?").param(organizationId)
                .query(String.class).optional().orElse("your team");
        String inviterName = members.user(inviter).map(Members.KnownUser::name).orElse("A colleague");
        String acceptUrl = properties.appUrl().replaceAll("/+$", "") + "/invitations/accept?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        mails.send(email, organizationId, organizationName, inviterName, role, acceptUrl);
    }

    private Optional<InvitationView> find(UUID organizationId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from invitation where id = ? and organization_id = ?")
                .param(id).param(organizationId).query((rs, n) -> view(rs)).optional();
    }

    private static InvitationView view(ResultSet rs) throws SQLException {
        Instant expiresAt = rs.getTimestamp("expires_at").toInstant();
        String status = rs.getString("status");
        if ("pending".equals(status) && !expiresAt.isAfter(Instant.now())) {
            status = "expired";
        }
        return new InvitationView(rs.getObject("id", UUID.class).toString(),
                rs.getObject("organization_id", UUID.class).toString(), rs.getString("email"), rs.getString("role"), status,
                rs.getObject("invited_by", UUID.class).toString(), expiresAt, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("sent_at").toInstant());
    }
}
