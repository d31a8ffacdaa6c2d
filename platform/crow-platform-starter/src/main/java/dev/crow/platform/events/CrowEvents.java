package dev.crow.platform.events;

import dev.crow.platform.events.types.EventPayload;
import dev.crow.platform.events.types.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The producer's side of CROW events: one call inside the transaction that makes the change.
 *
 * <pre>{@code
 * events.publish(new OrganizationCreated(org.id(), org.name(), ...));
 * }</pre>
 *
 * The event is stored in the service's own schema by Spring Modulith's event publication registry
 * as part of that transaction, one publication per subscriber configured for its type; it is sent
 * after the commit and retried until delivered or given up. A rollback leaves nothing behind.
 */
public class CrowEvents {

    private static final Logger log = LoggerFactory.getLogger(CrowEvents.class);

    private final ApplicationEventPublisher publisher;
    private final EventsProperties properties;
    private final String producer;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry meters;

    CrowEvents(ApplicationEventPublisher publisher, EventsProperties properties, String producer, JsonMapper json,
            Clock clock, MeterRegistry meters) {
        this.publisher = publisher;
        this.properties = properties;
        this.producer = producer;
        this.json = json;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Records {@code payload} as an event for every subscriber of its type and returns its envelope.
     *
     * @throws IllegalStateException when no transaction is active: an event outside the change's
     *                               transaction could be sent for a change that never happened
     */
    public CrowEvent publish(EventPayload payload) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("CROW events must be published inside the transaction that makes the change");
        }
        EventType type = EventType.of(payload.getClass());
        // millisecond precision: the envelope is re-serialized to match the stored publication
        CrowEvent event = new CrowEvent(UUID.randomUUID(), type.wireName(), clock.instant().truncatedTo(ChronoUnit.MILLIS),
                producer, payload.organizationId(), json.valueToTree(payload));
        List<String> subscribers = properties.subscribersOf(type.wireName());
        for (String subscriber : subscribers) {
            publisher.publishEvent(new EventDelivery(subscriber, event));
        }
        meters.counter("crow.events.published", "type", type.wireName()).increment();
        log.debug("event {} {} recorded for {}", type.wireName(), event.id(), subscribers);
        return event;
    }
}
