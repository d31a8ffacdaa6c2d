package dev.crow.platform.events.testapp;

import dev.crow.platform.events.CrowEvent;
import dev.crow.platform.events.CrowEventHandler;
import dev.crow.platform.events.types.OrganizationCreated;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Copies created organizations into its table; can be told to fail the next few events. */
@Component
public class OrganizationCopies {

    public static final AtomicInteger FAILURES_TO_INJECT = new AtomicInteger();

    private final JdbcTemplate jdbc;

    OrganizationCopies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @CrowEventHandler
    void on(OrganizationCreated created, CrowEvent event) {
        jdbc.update("insert into organization_copy (event_id, organization_id, name) values (?, ?, ?)",
                event.id(), created.organizationId(), created.name());
        if (FAILURES_TO_INJECT.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("injected failure after the insert, which must roll back");
        }
    }
}
