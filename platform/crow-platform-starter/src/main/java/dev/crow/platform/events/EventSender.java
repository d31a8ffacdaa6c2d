package dev.crow.platform.events;

import dev.crow.platform.client.InternalServices;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/** POSTs one envelope to a subscriber's {@code /internal/events} with the service key. */
class EventSender {

    static final String PATH = "/internal/events";
    private static final Logger log = LoggerFactory.getLogger(EventSender.class);

    private final InternalServices services;
    private final MeterRegistry meters;

    EventSender(InternalServices services, MeterRegistry meters) {
        this.services = services;
        this.meters = meters;
    }

    void send(EventDelivery delivery) {
        CrowEvent event = delivery.event();
        try {
            services.service(delivery.subscriber()).post()
                    .uri(PATH)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(event)
                    .retrieve()
                    .toBodilessEntity();
        } catch (RestClientException e) {
            String reason = e instanceof RestClientResponseException response
                    ? "answered " + response.getStatusCode().value()
                    : "unreachable (" + e.getClass().getSimpleName() + ")";
            meters.counter("crow.events.delivery.failures", "subscriber", delivery.subscriber(), "type", event.type())
                    .increment();
            log.warn("event {} {} not delivered to {}: {}", event.type(), event.id(), delivery.subscriber(), reason);
            throw new EventDeliveryException(delivery.subscriber() + " " + reason);
        }
        meters.counter("crow.events.delivered", "subscriber", delivery.subscriber(), "type", event.type()).increment();
        log.debug("event {} {} delivered to {}", event.type(), event.id(), delivery.subscriber());
    }

    /** A failed attempt; its message says why without echoing bodies or headers. */
    static class EventDeliveryException extends RuntimeException {

        EventDeliveryException(String message) {
            super(message, null, false, false);
        }
    }
}
