package dev.crow.platform.events;

import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends a delivery once the producer's transaction has committed, on the application's task
 * executor ({@code spring.task.execution.*}) so the producer's request does not wait for subscribers. Spring Modulith marks the publication
 * completed when this returns and failed when it throws; {@link DeliveryRetries} takes it from there.
 * Public because the registry's interceptor and {@code @Async} proxy it.
 */
public class EventDeliveryListener {

    /** Stable listener id stored with every publication, independent of class and method names. */
    public static final String LISTENER_ID = "crow.event-delivery";

    private final EventSender sender;

    EventDeliveryListener(EventSender sender) {
        this.sender = sender;
    }

    @Async
    @TransactionalEventListener(id = LISTENER_ID)
    public void deliver(EventDelivery delivery) {
        sender.send(delivery);
    }
}
