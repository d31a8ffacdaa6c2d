package dev.crow.user.notification;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In-app notifications: written when something happens to a user (they joined an organization,
 * their role or permissions changed), listed and marked read by that user only. While an
 * organization is active, only its notifications (and organization-less ones) are visible.
 */
@Component
public class Notifications {

    private final JdbcClient jdbc;

    Notifications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param id        notification id
     * @param type      what happened, e.g. {@code member.added}
     * @param title     one line
     * @param body      a sentence or two
     * @param read      whether the user marked it read
     * @param readAt    when, or {@code null}
     * @param createdAt when it was written
     */
    public record NotificationView(String id, String type, String title, String body, boolean read, Instant readAt,
            Instant createdAt) {
    }

    public void notify(UUID userId, UUID organizationId, String type, String title, String body) {
        jdbc.sql("insert into notification (id, user_id, organization_id, type, title, body, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, now())")
                .param(UUID.randomUUID()).param(userId).param(organizationId).param(type).param(title).param(body)
                .update();
    }

    PageResponse<NotificationView> list(UUID userId, UUID organizationId, PageQuery page) {
        String where = " from notification where user_id = ? and (organization_id is null or organization_id = ?)";
        long total = jdbc.sql("select count(*)" + where).param(userId).param(organizationId).query(Long.class).single();
        List<NotificationView> views = jdbc.sql("select *" + where + " order by created_at desc, id limit ? offset ?")
                .param(userId).param(organizationId).param(page.limit()).param(page.offset())
                .query((rs, n) -> view(rs))
                .list();
        return PageResponse.of(views, page, total);
    }

    NotificationView markRead(UUID userId, UUID organizationId, UUID id) {
        List<Object[]> owners = jdbc.sql("select user_id, organization_id from notification where id = ?").param(id)
                .query((rs, n) -> new Object[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .list();
        if (owners.isEmpty()) {
            throw CrowException.notFound("Notification");
        }
        Object[] owner = owners.get(0);
        if (!userId.equals(owner[0]) || (owner[1] != null && !owner[1].equals(organizationId))) {
            throw CrowException.forbidden("This notification is not yours");
        }
        jdbc.sql("update notification set read_at = coalesce(read_at, now()) where id = ?").param(id).update();
        return jdbc.sql("select * from notification where id = ?").param(id).query((rs, n) -> view(rs)).single();
    }

    int markAllRead(UUID userId, UUID organizationId) {
        return jdbc.sql("update notification set read_at = now() where user_id = ? and read_at is null "
                        + "and (organization_id is null or organization_id = ?)")
                .param(userId).param(organizationId).update();
    }

    private static NotificationView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp readAt = rs.getTimestamp("read_at");
        return new NotificationView(rs.getObject("id", UUID.class).toString(), rs.getString("type"), rs.getString("title"),
                rs.getString("body"), readAt != null, readAt == null ? null : readAt.toInstant(),
                rs.getTimestamp("created_at").toInstant());
    }
}
