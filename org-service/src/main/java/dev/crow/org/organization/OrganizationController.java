package dev.crow.org.organization;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** An organization's profile and its members, visible to its members. */
@RestController
@RequestMapping("/api/v1/organizations")
class OrganizationController {

    private final JdbcClient jdbc;
    private final Members members;

    OrganizationController(JdbcClient jdbc, Members members) {
        this.jdbc = jdbc;
        this.members = members;
    }

    /**
     * @param id          organization id
     * @param name        display name
     * @param slug        URL slug
     * @param logo        logo URL, if any
     * @param tier        plan tier
     * @param memberCount current members
     * @param createdAt   when it was created
     */
    record OrganizationView(String id, String name, String slug, String logo, String tier, long memberCount,
            Instant createdAt) {
    }

    @GetMapping("/{id}")
    OrganizationView get(@PathVariable UUID id, CallerContext caller) {
        caller.requireOrganization(id.toString());
        long count = members.count(id);
        return jdbc.sql("select id, name, slug, logo, tier, created_at from organization where id = ?").param(id)
                .query((rs, n) -> new OrganizationView(rs.getObject(1, UUID.class).toString(), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), count, rs.getTimestamp(6).toInstant()))
                .optional()
                .orElseThrow(() -> CrowException.notFound("Organization"));
    }

    @GetMapping("/{id}/members")
    PageResponse<Members.MemberView> members(@PathVariable UUID id, CallerContext caller, PageQuery page) {
        caller.requireOrganization(id.toString());
        return PageResponse.of(members.page(id, page), page, members.count(id));
    }
}
