package dev.crow.interaction.ingest;

import dev.crow.interaction.SourceType;
import java.time.Instant;

/**
 * A validated interaction about to be written. {@code metadataJson} is the serialized metadata
 * object or {@code null}.
 */
public record NewInteraction(
        String id,
        SourceType sourceType,
        String type,
        Instant occurredAt,
        String visitorId,
        String sessionId,
        String url,
        String cameraId,
        String channel,
        String productId,
        Double value,
        String metadataJson) {
}
