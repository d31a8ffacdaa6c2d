package dev.crow.platform.events.types;

/**
 * The payload of one CROW event. Every payload is a record listed in {@link EventType}; a payload
 * that belongs to an organization has an {@code organizationId} component, which becomes the
 * envelope's {@code organizationId}.
 */
public interface EventPayload {

    /** The organization the event belongs to, or {@code null} for events about a user alone. */
    default String organizationId() {
        return null;
    }
}
