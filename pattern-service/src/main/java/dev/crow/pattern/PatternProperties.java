package dev.crow.pattern;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * pattern-service configuration (prefix {@code crow.pattern}).
 *
 * @param jobs     the background job queue
 * @param schedule when the periodic mining runs (cron, UTC)
 * @param mining   thresholds of the pattern kinds
 */
@ConfigurationProperties("crow.pattern")
public record PatternProperties(@DefaultValue Jobs jobs, @DefaultValue Schedule schedule, @DefaultValue Mining mining) {

    /**
     * @param workers                 jobs one instance runs at once
     * @param pollInterval            how often idle workers look for queued jobs
     * @param heartbeatInterval       how often a running job proves its worker is alive
     * @param staleAfter              a running job without a heartbeat this long is re-queued
     * @param maxAttempts             tries before a job fails for good
     * @param retryBackoff            wait before retrying after an upstream failure (times the attempt)
     * @param maxActivePerOrganization queued or running ad-hoc jobs an organization may have
     */
    public record Jobs(
            @DefaultValue("1") int workers,
            @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("10s") Duration heartbeatInterval,
            @DefaultValue("2m") Duration staleAfter,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("1m") Duration retryBackoff,
            @DefaultValue("2") int maxActivePerOrganization) {
    }

    /**
     * Spring cron expressions (second minute hour day month weekday), evaluated in UTC.
     *
     * @param enabled whether this instance triggers the periodic runs at all
     */
    public record Schedule(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0 15 0 * * *") String daily,
            @DefaultValue("0 30 0 * * MON") String weekly,
            @DefaultValue("0 45 0 1 * *") String monthly,
            @DefaultValue("0 0 1 1 1 *") String yearly) {
    }

    /**
     * @param sessionTimeout     inactivity after which a visitor session counts as over
     * @param maxPatternsPerKind the strongest patterns of each kind kept per job
     */
    public record Mining(
            @DefaultValue("30m") Duration sessionTimeout,
            @DefaultValue("25") int maxPatternsPerKind,
            @DefaultValue Temporal temporal,
            @DefaultValue CoOccurrence coOccurrence,
            @DefaultValue Sequences sequences,
            @DefaultValue Trends trends,
            @DefaultValue Correlation correlation) {
    }

    /**
     * Hour-of-day and day-of-week peaks against an even spread.
     *
     * @param minInteractions   a source needs this many counted units (web sessions, CCTV footfall,
     *                          social interactions) to be judged
     * @param hourMinLift       an hour must carry this many times its even share…
     * @param dayMinLift        …a weekday this many times
     * @param minZ              …with at least this z-score against the even spread (4: some 24 hours
     *                          × 3 sources are judged per run, and a false peak should stay rare)…
     * @param hourConsistency   …and be above its even share on this fraction of days
     * @param dayConsistency    (weekdays: above the median day on this fraction of their days)
     * @param minDaysForWeekday whole days needed before weekdays are judged
     */
    public record Temporal(
            @DefaultValue("200") int minInteractions,
            @DefaultValue("1.5") double hourMinLift,
            @DefaultValue("1.2") double dayMinLift,
            @DefaultValue("4.0") double minZ,
            @DefaultValue("0.6") double hourConsistency,
            @DefaultValue("0.75") double dayConsistency,
            @DefaultValue("14") int minDaysForWeekday) {
    }

    /** Products that occur together in sessions (FP-Growth); support is a share of sessions with products. */
    public record CoOccurrence(
            @DefaultValue("0.01") double minSupport,
            @DefaultValue("0.2") double minConfidence,
            @DefaultValue("2.0") double minLift,
            @DefaultValue("20") int minCount,
            @DefaultValue("4") int maxItemsetSize) {
    }

    /**
     * Contiguous page paths of 2 to 4 pages within sessions.
     *
     * @param closedRatio a path is dropped when a longer path containing it keeps this share of its sessions
     */
    public record Sequences(
            @DefaultValue("0.02") double minSupport,
            @DefaultValue("0.2") double minConfidence,
            @DefaultValue("2.0") double minLift,
            @DefaultValue("20") int minCount,
            @DefaultValue("0.9") double closedRatio) {
    }

    /** Period-over-period change per source and type, with a Poisson significance guard. */
    public record Trends(
            @DefaultValue("30") int minBaseline,
            @DefaultValue("0.2") double minChange,
            @DefaultValue("3.0") double minZ) {
    }

    /** Daily web sessions against CCTV footfall. */
    public record Correlation(
            @DefaultValue("14") int minDays,
            @DefaultValue("0.01") double maxPValue,
            @DefaultValue("0.5") double minAbsCoefficient) {
    }
}
