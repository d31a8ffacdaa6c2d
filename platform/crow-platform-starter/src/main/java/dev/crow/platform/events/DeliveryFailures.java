package dev.crow.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deliveries the platform gave up on. Each moves from the event publication registry into
 * {@code crow_event_delivery_failure} in one transaction; the insert decides which instance
 * reports it, so the error log line and the {@code crow.events.delivery.abandoned} counter
 * happen once however many instances notice.
 */
class DeliveryFailures {

    private static final Logger log = LoggerFactory.getLogger(DeliveryFailures.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventPublicationRepository publications;
    private final EventSerializer serializer;
    private final MeterRegistry meters;
    private final String table;

    DeliveryFailures(JdbcTemplate jdbc, TransactionTemplate transactions, EventPublicationRepository publications,
            EventSerializer serializer, MeterRegistry meters, PlatformTables tables) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.publications = publications;
        this.serializer = serializer;
        this.meters = meters;
        this.table = tables.name("crow_event_delivery_failure");
    }

    void abandon(EventPublication publication, Instant now) {
        Object payload = publication.getEvent();
        String subscriber = payload instanceof EventDelivery delivery ? delivery.subscriber() : null;
        CrowEvent event = payload instanceof EventDelivery delivery ? delivery.event() : null;
        String type = event != null ? event.type() : payload.getClass().getName();
        Boolean reported = transactions.execute(status -> {
            int inserted = jdbc.update("insert into " + table + " (publication_id, event_id, event_type, subscriber, "
                            + "attempts, published_at, abandoned_at, serialized_event) values (?, ?, ?, ?, ?, ?, ?, ?) "
                            + "on conflict (publication_id) do nothing",
                    publication.getIdentifier(), event == null ? null : event.id(), type, subscriber,
                    publication.getCompletionAttempts(), Timestamp.from(publication.getPublicationDate()),
                    Timestamp.from(now), serializer.serialize(payload).toString());
            publications.deletePublications(List.of(publication.getIdentifier()));
            return inserted == 1;
        });
        if (Boolean.TRUE.equals(reported)) {
            meters.counter("crow.events.delivery.abandoned", "subscriber", String.valueOf(subscriber), "type", type)
                    .increment();
            log.error("gave up delivering event {} {} to {} after {} attempts since {}; kept in {}", type,
                    event == null ? publication.getIdentifier() : event.id(), subscriber,
                    publication.getCompletionAttempts(), publication.getPublicationDate(), table);
        }
    }

    long count() {
        Long count = jdbc.queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }
}
