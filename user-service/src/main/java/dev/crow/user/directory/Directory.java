package dev.crow.user.directory;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.error.ErrorKind;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.web.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who is a member of which organization, and the rules that follow from it: users see only the
 * members of their own organization; a member edits only their own profile, admins edit members'
 * and admins' profiles, owners everyone's.
 */
@Component
public class Directory {

    private static final String MEMBER_COLUMNS = "u.id, m.organization_id, u.email, u.name, u.profile_picture_url, "
            + "m.role, u.created_at, u.updated_at";

    private final JdbcClient jdbc;

    Directory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of members and how many there are in all. */
    public record MemberPage(List<Member> members, long total) {
    }

    public Optional<UserProfile> profile(UUID userId) {
        return jdbc.sql("select id, email, name, profile_picture_url, picture_key, created_at, updated_at "
                        + "from user_profile where id = ?")
                .param(userId)
                .query((rs, n) -> new UserProfile(rs.getObject("id", UUID.class), rs.getString("email"),
                        rs.getString("name"), rs.getString("profile_picture_url"), rs.getString("picture_key"),
                        instant(rs, "created_at"), instant(rs, "updated_at")))
                .optional();
    }

    public Optional<Member> member(UUID organizationId, UUID userId) {
        return jdbc.sql("select " + MEMBER_COLUMNS + " from membership m join user_profile u on u.id = m.user_id "
                        + "where m.organization_id = ? and m.user_id = ? and m.removed_at is null")
                .param(organizationId).param(userId)
                .query(Directory::member)
                .optional();
    }

    /** The member's role, also when their profile has not arrived yet. */
    public Optional<Role> role(UUID organizationId, UUID userId) {
        return jdbc.sql("select role from membership where organization_id = ? and user_id = ? and removed_at is null")
                .param(organizationId).param(userId)
                .query(String.class)
                .optional()
                .flatMap(Role::fromWireName);
    }

    public Optional<Member> memberByEmail(UUID organizationId, String email) {
        return jdbc.sql("select " + MEMBER_COLUMNS + " from membership m join user_profile u on u.id = m.user_id "
                        + "where m.organization_id = ? and lower(u.email) = lower(?) and m.removed_at is null")
                .param(organizationId).param(email)
                .query(Directory::member)
                .optional();
    }

    public MemberPage members(UUID organizationId, PageQuery page) {
        return page("", organizationId, null, page);
    }

    /** Members whose email starts with {@code prefix} (taken literally: {@code %} and {@code _} match themselves). */
    public MemberPage searchByEmail(UUID organizationId, String prefix, PageQuery page) {
        String pattern = prefix.toLowerCase(java.util.Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%";
        return page(" and lower(u.email) like ? escape '\\'", organizationId, pattern, page);
    }

    private MemberPage page(String condition, UUID organizationId, String pattern, PageQuery page) {
        String from = " from membership m join user_profile u on u.id = m.user_id "
                + "where m.organization_id = ? and m.removed_at is null" + condition;
        var count = jdbc.sql("select count(*)" + from).param(organizationId);
        var select = jdbc.sql("select " + MEMBER_COLUMNS + from + " order by lower(u.email) limit ? offset ?")
                .param(organizationId);
        if (pattern != null) {
            count = count.param(pattern);
            select = select.param(pattern);
        }
        long total = count.query(Long.class).single();
        List<Member> members = select.param(page.limit()).param(page.offset()).query(Directory::member).list();
        return new MemberPage(members, total);
    }

    public Optional<String> organizationName(UUID organizationId) {
        return jdbc.sql("select name from organization where id = ?").param(organizationId).query(String.class)
                .optional();
    }

    /** The caller's organization as an id; a caller without one (or with a foreign id format) gets 403. */
    public static UUID organizationOf(CallerContext caller) {
        try {
            return UUID.fromString(caller.organization());
        } catch (IllegalArgumentException e) {
            throw new CrowException(ErrorKind.FORBIDDEN, "Access to this organization is not allowed");
        }
    }

    /** The target as a member of the caller's organization, else 403 (whether or not the user exists elsewhere). */
    public Member requireVisible(CallerContext caller, UUID userId) {
        return member(organizationOf(caller), userId).orElseThrow(() ->
                CrowException.forbidden("This user is not a member of your organization"));
    }

    /** The target, if the caller may change their profile or permissions. */
    public Member requireEditable(CallerContext caller, UUID userId) {
        Member target = requireVisible(caller, userId);
        if (target.userId().toString().equals(caller.userId())) {
            return target;
        }
        Role callerRole = Role.fromWireName(caller.role()).orElse(Role.MEMBER);
        boolean allowed = callerRole == Role.OWNER || (callerRole == Role.ADMIN && target.role() != Role.OWNER);
        if (!allowed) {
            throw CrowException.forbidden("Only admins may change another member");
        }
        return target;
    }

    static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getString(5), Role.fromWireName(rs.getString(6)).orElse(Role.MEMBER), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
