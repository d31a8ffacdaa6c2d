package dev.crow.org.organization;

import dev.crow.platform.web.PageQuery;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The members view and the known users it is joined with. */
@Component
public class Members {

    private final JdbcClient jdbc;

    Members(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param userId   the member
     * @param email    their email, if known
     * @param name     their name, if known
     * @param image    picture URL, if any
     * @param role     owner, admin or member
     * @param joinedAt when they joined
     */
    public record MemberView(String userId, String email, String name, String image, String role, Instant joinedAt) {
    }

    /**
     * @param id    user id
     * @param email lower-case email
     * @param name  display name
     */
    public record KnownUser(UUID id, String email, String name) {
    }

    /** Records a membership as of {@code at}, unless a newer change is already recorded. */
    public void record(UUID organizationId, UUID userId, String role, Instant at) {
        jdbc.sql("insert into member (organization_id, user_id, role, joined_at, synced_at, removed_at) "
                        + "values (?, ?, ?, ?, ?, null) on conflict (organization_id, user_id) do update set "
                        + "role = excluded.role, synced_at = excluded.synced_at, removed_at = null, "
                        + "joined_at = case when member.removed_at is null then member.joined_at else excluded.joined_at end "
                        + "where member.synced_at <= excluded.synced_at")
                .param(organizationId).param(userId).param(role).param(Timestamp.from(at)).param(Timestamp.from(at))
                .update();
    }

    public boolean isMember(UUID organizationId, UUID userId) {
        return jdbc.sql("select count(*) from member where organization_id = ? and user_id = ? and removed_at is null")
                .param(organizationId).param(userId).query(Long.class).single() > 0;
    }

    public long count(UUID organizationId) {
        return jdbc.sql("select count(*) from member where organization_id = ? and removed_at is null")
                .param(organizationId).query(Long.class).single();
    }

    public List<MemberView> page(UUID organizationId, PageQuery page) {
        return jdbc.sql("select m.user_id, u.email, u.name, u.image, m.role, m.joined_at from member m "
                        + "left join known_user u on u.id = m.user_id where m.organization_id = ? and m.removed_at is null "
                        + "order by m.joined_at, m.user_id limit ? offset ?")
                .param(organizationId).param(page.limit()).param(page.offset())
                .query((rs, n) -> new MemberView(rs.getObject(1, UUID.class).toString(), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    public Optional<KnownUser> userByEmail(String email) {
        return jdbc.sql("select id, email, name from known_user where lower(email) = lower(?)").param(email)
                .query((rs, n) -> new KnownUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public Optional<KnownUser> user(UUID id) {
        return jdbc.sql("select id, email, name from known_user where id = ?").param(id)
                .query((rs, n) -> new KnownUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .optional();
    }
}
