package dev.crow.platform.events;

import dev.crow.platform.events.types.EventType;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies received events exactly once per event id: the id goes into the service's
 * {@code crow_event_inbox} in the same transaction as the handlers' effects. A redelivery finds
 * the id and changes nothing; two concurrent deliveries of one id serialize on its primary key,
 * and the second finds it once the first commits. A failing handler rolls both back.
 */
class EventInbox {

    /** What became of a received event. */
    enum Outcome {
        APPLIED, DUPLICATE, IGNORED;

        String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventHandlers handlers;
    private final MeterRegistry meters;
    private final String table;

    EventInbox(JdbcTemplate jdbc, TransactionTemplate transactions, EventHandlers handlers, MeterRegistry meters,
            PlatformTables tables) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.handlers = handlers;
        this.meters = meters;
        this.table = tables.name("crow_event_inbox");
    }

    Outcome receive(CrowEvent event) {
        Optional<EventType> type = EventType.fromWireName(event.type());
        List<EventHandlers.Handler> targets = type.map(handlers::of).orElse(List.of());
        Outcome outcome = targets.isEmpty() ? Outcome.IGNORED : transactions.execute(status -> {
            int inserted = jdbc.update("insert into " + table + " (event_id, event_type, producer, occurred_at, received_at) "
                            + "values (?, ?, ?, ?, now()) on conflict (event_id) do nothing",
                    event.id(), event.type(), event.producer(), Timestamp.from(event.occurredAt()));
            if (inserted == 0) {
                return Outcome.DUPLICATE;
            }
            targets.forEach(handler -> handler.apply(event, type.get()));
            return Outcome.APPLIED;
        });
        meters.counter("crow.events.received", "type", type.map(EventType::wireName).orElse("unknown"),
                "outcome", outcome.wireName()).increment();
        return outcome;
    }
}
