package dev.crow.interaction.ingest;

import java.util.List;

/**
 * What an ingestion request did: the ids written now and the ids that were already stored for
 * the organization (or repeated within the request), which were left untouched.
 */
public record IngestResult(int acceptedCount, int duplicateCount, List<String> accepted, List<String> duplicates) {

    static IngestResult of(List<String> accepted, List<String> duplicates) {
        return new IngestResult(accepted.size(), duplicates.size(), List.copyOf(accepted), List.copyOf(duplicates));
    }
}
