package dev.crow.pattern.catalog;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** One pattern as the API shows it. */
record PatternView(
        UUID id,
        UUID jobId,
        String kind,
        String key,
        String title,
        String period,
        Instant from,
        Instant to,
        Double support,
        Double confidence,
        Double lift,
        double strength,
        JsonNode evidence,
        Instant createdAt) {
}
