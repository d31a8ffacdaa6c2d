package dev.crow.pattern.catalog;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One periodic (or ad-hoc) result: what a finished job read and found, with a link to its patterns. */
record PatternResultView(
        UUID jobId,
        String period,
        String origin,
        Instant from,
        Instant to,
        long interactions,
        long sessions,
        JsonNode patternCounts,
        JsonNode notes,
        Instant createdAt,
        String patterns) {
}
