package dev.crow.pattern.catalog;

import dev.crow.pattern.Period;
import dev.crow.pattern.mining.MinedPattern;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import dev.crow.platform.web.PageQuery;
import dev.crow.platform.web.PageResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The organization's latest patterns and its periodic results. */
@RestController
class PatternController {

    private final PatternStore store;

    PatternController(PatternStore store) {
        this.store = store;
    }

    /**
     * Patterns of the organization's latest finished job (of {@code period}, if given), or of the
     * job named by {@code jobId}; strongest first within each kind.
     */
    @GetMapping("/api/v1/patterns/organization/{orgId}")
    PageResponse<PatternView> patterns(CallerContext caller, @PathVariable String orgId, PageQuery page,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String period,
            @RequestParam(required = false) String jobId) {
        caller.require(Permission.PATTERNS).requireOrganization(orgId);
        if (kind != null && !MinedPattern.KINDS.contains(kind)) {
            throw CrowException.invalid("kind");
        }
        Optional<UUID> job;
        if (jobId != null) {
            UUID id = uuid(jobId);
            job = store.hasResult(orgId, id) ? Optional.of(id) : Optional.empty();
            if (job.isEmpty()) {
                throw CrowException.notFound("Pattern result");
            }
        } else {
            job = store.latestJob(orgId, period == null ? null : Period.parse(period, "period"));
        }
        return job.map(id -> store.patterns(orgId, id, kind, page))
                .orElseGet(() -> PageResponse.of(List.of(), page, 0));
    }

    @GetMapping("/api/v1/patterns/results/organization/{orgId}")
    PageResponse<PatternResultView> results(CallerContext caller, @PathVariable String orgId, PageQuery page,
            @RequestParam(required = false) String period) {
        caller.require(Permission.PATTERNS).requireOrganization(orgId);
        return store.results(orgId, period == null ? null : Period.parse(period, "period"), page);
    }

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw CrowException.invalid("jobId");
        }
    }
}
