package dev.crow.platform.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service sends events (prefix {@code crow.platform.events}).
 *
 * @param subscribers which services receive which event type, e.g.
 *                    {@code crow.platform.events.subscribers.organization.created=users,organizations}
 * @param delivery    how hard deliveries are retried
 */
@ConfigurationProperties("crow.platform.events")
public record EventsProperties(@DefaultValue Map<String, List<String>> subscribers, @DefaultValue Delivery delivery) {

    public List<String> subscribersOf(String type) {
        return subscribers.getOrDefault(type, List.of());
    }

    /**
     * @param initialBackoff wait after the first failed attempt; doubled after each further one
     * @param maxBackoff     longest wait between two attempts
     * @param maxAttempts    attempts after which a delivery is given up
     * @param giveUpAfter    age after which a delivery is given up, whatever its attempts
     * @param pollInterval   how often failed deliveries are looked at
     * @param staleAfter     an attempt that has not finished after this long (the instance died) is failed and retried
     * @param batchSize      failed deliveries read per poll
     * @param keepCompleted  how long delivered publications stay in the registry
     * @param keepInbox      how long received event ids are remembered (longer than {@code giveUpAfter})
     */
    public record Delivery(
            @DefaultValue("1s") Duration initialBackoff,
            @DefaultValue("5m") Duration maxBackoff,
            @DefaultValue("300") int maxAttempts,
            @DefaultValue("1d") Duration giveUpAfter,
            @DefaultValue("1s") Duration pollInterval,
            @DefaultValue("2m") Duration staleAfter,
            @DefaultValue("500") int batchSize,
            @DefaultValue("7d") Duration keepCompleted,
            @DefaultValue("30d") Duration keepInbox) {

        public Delivery {
            if (maxAttempts < 1 || batchSize < 1) {
                throw new IllegalStateException("crow.platform.events.delivery: max-attempts and batch-size "
                        + "must be at least 1");
            }
            if (initialBackoff.isNegative() || initialBackoff.isZero() || maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalStateException("crow.platform.events.delivery: initial-backoff must be positive and "
                        + "not above max-backoff");
            }
            if (keepInbox.compareTo(giveUpAfter) <= 0) {
                throw new IllegalStateException("crow.platform.events.delivery.keep-inbox must exceed give-up-after, "
                        + "else a late redelivery could be applied twice");
            }
        }
    }
}
