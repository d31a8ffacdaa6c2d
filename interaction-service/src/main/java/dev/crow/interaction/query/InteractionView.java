package dev.crow.interaction.query;

import java.time.Instant;
import tools.jackson.databind.JsonNode;

/** One interaction as the API shows it. */
record InteractionView(
        String id,
        String organizationId,
        String sourceType,
        String type,
        Instant occurredAt,
        Instant receivedAt,
        String visitorId,
        String sessionId,
        String url,
        String cameraId,
        String channel,
        String productId,
        Double value,
        JsonNode metadata) {
}
