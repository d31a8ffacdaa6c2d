package dev.crow.interaction.query;

import dev.crow.interaction.TimeWindow;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organization's interactions, newest first, and their per-source summary. */
@RestController
class InteractionQueryController {

    private final InteractionQueries queries;

    InteractionQueryController(InteractionQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/interactions/organization/{orgId}")
    PageResponse<InteractionView> list(CallerContext caller, @PathVariable String orgId, PageQuery page,
            @RequestParam(required = false) String sourceType, @RequestParam(required = false) String type,
            @RequestParam(required = false) String q, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        caller.require(Permission.INTERACTIONS).requireOrganization(orgId);
        return queries.list(InteractionFilter.of(orgId, sourceType, type, q, from, to), page);
    }

    @GetMapping("/api/v1/interactions/organization/{orgId}/summary")
    SourceSummary summary(CallerContext caller, @PathVariable String orgId,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        caller.require(Permission.INTERACTIONS).requireOrganization(orgId);
        return queries.summary(orgId, TimeWindow.parse(from, to));
    }
}
