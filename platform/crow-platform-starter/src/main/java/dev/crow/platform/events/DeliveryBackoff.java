package dev.crow.platform.events;

import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.EventPublication;

/**
 * When a failed delivery is tried again: exponential backoff from {@code initialBackoff},
 * doubling per attempt up to {@code maxBackoff}, and given up after {@code maxAttempts} or once
 * it is older than {@code giveUpAfter}.
 */
final class DeliveryBackoff {

    private final EventsProperties.Delivery settings;

    DeliveryBackoff(EventsProperties.Delivery settings) {
        this.settings = settings;
    }

    /** The wait after the {@code attempts}-th failed attempt (1-based). */
    Duration delayAfter(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        long millis = settings.initialBackoff().toMillis() << doublings;
        if (millis <= 0 || millis > settings.maxBackoff().toMillis()) {
            return settings.maxBackoff();
        }
        return Duration.ofMillis(millis);
    }

    boolean exhausted(EventPublication publication, Instant now) {
        return publication.getCompletionAttempts() >= settings.maxAttempts()
                || !publication.getPublicationDate().plus(settings.giveUpAfter()).isAfter(now);
    }

    boolean due(EventPublication publication, Instant now) {
        return !lastAttempt(publication).plus(delayAfter(publication.getCompletionAttempts())).isAfter(now);
    }

    static Instant lastAttempt(EventPublication publication) {
        Instant resubmitted = publication.getLastResubmissionDate();
        return resubmitted != null ? resubmitted : publication.getPublicationDate();
    }
}
