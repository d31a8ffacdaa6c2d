package dev.crow.pattern.job;

import dev.crow.pattern.Period;
import dev.crow.pattern.PatternProperties;
import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import dev.crow.platform.security.Permission;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Starts an ad-hoc mining job for the caller's organization and reports on jobs. */
@RestController
class JobController {

    private static final Duration MAX_WINDOW = Duration.ofDays(366);

    private final MiningJobs jobs;
    private final MiningJobWorker worker;
    private final PatternProperties.Jobs settings;
    private final Clock clock = Clock.systemUTC();

    JobController(MiningJobs jobs, MiningJobWorker worker, PatternProperties properties) {
        this.jobs = jobs;
        this.worker = worker;
        this.settings = properties.jobs();
    }

    record Accepted(UUID jobId, String status, String job) {
    }

    @PostMapping("/api/v1/patterns/analyze")
    ResponseEntity<Accepted> analyze(CallerContext caller, @RequestBody(required = false) AnalyzeRequest body) {
        caller.require(Permission.PATTERNS);
        String organizationId = caller.organization();
        AnalyzeRequest request = body == null ? AnalyzeRequest.DEFAULT : body;
        Period period = request.period() == null ? null : Period.parse(request.period(), "period");
        if (period == Period.CUSTOM && (request.from() == null || request.to() == null)) {
            throw CrowException.invalid("a custom period needs from and to");
        }
        Period.Window window = window(request, period);
        if (jobs.activeManual(organizationId) >= settings.maxActivePerOrganization()) {
            throw CrowException.conflict("A pattern analysis is already queued or running for this organization");
        }
        Period label = period != null ? period : request.from() != null || request.to() != null ? Period.CUSTOM
                : Period.MONTHLY;
        UUID id = jobs.enqueueManual(organizationId, label, window.from(), window.to(), settings.maxAttempts(),
                caller.userId());
        worker.wake();
        String location = "/api/v1/patterns/jobs/" + id;
        return ResponseEntity.accepted().location(URI.create(location)).body(new Accepted(id, MiningJob.QUEUED, location));
    }

    @GetMapping("/api/v1/patterns/jobs/{id}")
    JobView job(CallerContext caller, @PathVariable String id) {
        caller.require(Permission.PATTERNS);
        UUID jobId;
        try {
            jobId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw CrowException.invalid("id");
        }
        // another organization's job is "not found": its existence is not the caller's business
        MiningJob job = jobs.find(jobId)
                .filter(found -> caller.isService() || found.organizationId().equals(caller.organizationId()))
                .orElseThrow(() -> CrowException.notFound("Mining job"));
        return JobView.of(job);
    }

    private Period.Window window(AnalyzeRequest request, Period period) {
        Instant now = clock.instant();
        Instant to = instant(request.to(), "to");
        Instant from = instant(request.from(), "from");
        if (from == null && to == null) {
            return (period == null || period == Period.CUSTOM ? Period.MONTHLY : period).endingAt(now);
        }
        if (to == null) {
            to = now;
        }
        if (from == null) {
            from = to.minus((period == null || period == Period.CUSTOM ? Period.MONTHLY : period).endingAt(now).length());
        }
        if (!from.isBefore(to)) {
            throw CrowException.invalid("from must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_WINDOW) > 0) {
            throw CrowException.invalid("window longer than 366 days");
        }
        if (to.isAfter(now.plus(Duration.ofDays(1)))) {
            throw CrowException.invalid("to lies in the future");
        }
        return new Period.Window(from, to);
    }

    private static Instant instant(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.trim().length() == 10 ? LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw CrowException.invalid(field);
        }
    }
}
