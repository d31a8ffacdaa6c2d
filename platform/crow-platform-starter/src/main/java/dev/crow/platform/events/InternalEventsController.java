package dev.crow.platform.events;

import dev.crow.platform.error.CrowException;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/events}: where producers deliver (service key required, as for all of
 * {@code /internal/**}). 200 for applied, duplicate and ignored (no handler here) events alike,
 * so that only real failures are retried.
 */
@RestController
class InternalEventsController {

    private static final Pattern TYPE = Pattern.compile("[a-z]+(\\.[a-z_]+)+");
    private static final Pattern PRODUCER = Pattern.compile("[a-z][a-z0-9-]{0,40}");

    private final EventInbox inbox;

    InternalEventsController(EventInbox inbox) {
        this.inbox = inbox;
    }

    @PostMapping(EventSender.PATH)
    Map<String, String> receive(@RequestBody CrowEvent event) {
        if (event.id() == null) {
            throw CrowException.invalid("id");
        }
        if (event.type() == null || event.type().length() > 64 || !TYPE.matcher(event.type()).matches()) {
            throw CrowException.invalid("type");
        }
        if (event.producer() == null || !PRODUCER.matcher(event.producer()).matches()) {
            throw CrowException.invalid("producer");
        }
        if (event.occurredAt() == null) {
            throw CrowException.invalid("occurredAt");
        }
        if (event.payload() == null || !event.payload().isObject()) {
            throw CrowException.invalid("payload");
        }
        EventInbox.Outcome outcome = inbox.receive(event);
        return Map.of("eventId", event.id().toString(), "status", outcome.wireName());
    }
}
