package dev.crow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

class DeliveryBackoffTests {

    private static final Instant PUBLISHED = Instant.parse("2025-11-14T10:00:00Z");

    private final DeliveryBackoff backoff = new DeliveryBackoff(new EventsProperties.Delivery(Duration.ofSeconds(1),
            Duration.ofMinutes(5), 300, Duration.ofDays(1), Duration.ofSeconds(1), Duration.ofMinutes(2), 500,
            Duration.ofDays(7), Duration.ofDays(30)));

    @Test
    void delayDoublesFromOneSecondAndStopsAtFiveMinutes() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.delayAfter(10)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.delayAfter(200)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void failedDeliveryIsDueOnlyOnceItsBackoffHasPassed() {
        EventPublication third = publication(3, PUBLISHED.plusSeconds(10));
        assertThat(backoff.due(third, PUBLISHED.plusSeconds(13))).isFalse();
        assertThat(backoff.due(third, PUBLISHED.plusSeconds(14))).isTrue();
    }

    @Test
    void deliveryIsGivenUpAfterMaxAttemptsOrADay() {
        assertThat(backoff.exhausted(publication(299, PUBLISHED), PUBLISHED.plusSeconds(60))).isFalse();
        assertThat(backoff.exhausted(publication(300, PUBLISHED), PUBLISHED.plusSeconds(60))).isTrue();
        assertThat(backoff.exhausted(publication(12, PUBLISHED), PUBLISHED.plus(Duration.ofDays(1)))).isTrue();
    }

    private static EventPublication publication(int attempts, Instant lastAttempt) {
        return new EventPublication() {
            private final UUID id = UUID.randomUUID();

            @Override
            public UUID getIdentifier() {
                return id;
            }

            @Override
            public Object getEvent() {
                return "event";
            }

            @Override
            public Instant getPublicationDate() {
                return PUBLISHED;
            }

            @Override
            public Optional<Instant> getCompletionDate() {
                return Optional.empty();
            }

            @Override
            public Status getStatus() {
                return Status.FAILED;
            }

            @Override
            public Instant getLastResubmissionDate() {
                return lastAttempt;
            }

            @Override
            public int getCompletionAttempts() {
                return attempts;
            }
        };
    }
}
