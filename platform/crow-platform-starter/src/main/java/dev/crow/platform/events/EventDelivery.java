package dev.crow.platform.events;

/**
 * One event on its way to one subscriber: the unit the outbox stores, retries and gives up on,
 * so that a subscriber that is down delays only its own deliveries.
 *
 * @param subscriber service name, resolved through {@code crow.platform.services.<name>}
 * @param event      the envelope to deliver
 */
public record EventDelivery(String subscriber, CrowEvent event) {
}
