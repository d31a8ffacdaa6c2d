/** Ingestion: validating single interactions and batches, and writing them idempotently on the JDBC fast path. */
package dev.crow.interaction.ingest;
