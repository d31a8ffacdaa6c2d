package dev.crow.interaction.query;

/** Interaction counts per source, exactly the API reference's summary shape. */
record SourceSummary(long web, long cctv, long social, long total) {
}
