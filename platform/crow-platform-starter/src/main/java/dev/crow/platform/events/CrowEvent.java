package dev.crow.platform.events;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The envelope every CROW event travels in (docs/events.md): producers build it through
 * {@link CrowEvents#publish}, subscribers receive it at {@code POST /internal/events}.
 *
 * @param id             unique per event; subscribers apply an id once
 * @param type           wire name of the event type, e.g. {@code organization.created}
 * @param occurredAt     when the producer's transaction made the change
 * @param producer       service name of the producer ({@code crow.platform.service-name})
 * @param organizationId the organization the event belongs to, absent for user-only events
 * @param payload        the type's payload record as JSON
 */
public record CrowEvent(UUID id, String type, Instant occurredAt, String producer, String organizationId,
        JsonNode payload) {
}
