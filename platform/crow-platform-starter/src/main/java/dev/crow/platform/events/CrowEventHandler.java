package dev.crow.platform.events;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method that applies one event type on the subscriber side. The event type is the
 * method's first parameter, a payload record from {@code dev.crow.platform.events.types}; an
 * optional second {@link CrowEvent} parameter gives the envelope (id, occurredAt, producer).
 *
 * <pre>{@code
 * @CrowEventHandler
 * void on(OrganizationCreated created, CrowEvent event) { ... }
 * }</pre>
 *
 * The method runs in the transaction that records the event id in the subscriber's inbox, so a
 * redelivered event never reaches it twice; if it throws, nothing is recorded and the producer
 * delivers again later.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface CrowEventHandler {
}
