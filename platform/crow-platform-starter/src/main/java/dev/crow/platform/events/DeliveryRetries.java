package dev.crow.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.EventPublication.Status;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * Keeps deliveries moving on every instance: attempts that never finished (the instance died
 * between commit and delivery) are failed once they are stale, failed deliveries are resubmitted
 * when their backoff has passed, exhausted ones are given up, and old bookkeeping is removed.
 *
 * <p>Safe with several instances: Modulith claims a resubmission with a conditional update, so
 * one instance wins it; the rare double attempt that slips through is harmless because the
 * subscriber's inbox applies an event id once.
 */
class DeliveryRetries implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryRetries.class);
    private static final Duration HOUSEKEEPING_INTERVAL = Duration.ofHours(1);
    private static final List<Status> IN_FLIGHT = List.of(Status.PUBLISHED, Status.PROCESSING, Status.RESUBMITTED);

    private final EventPublicationRepository publications;
    private final FailedEventPublications failed;
    private final DeliveryFailures failures;
    private final JdbcTemplate jdbc;
    private final EventsProperties.Delivery settings;
    private final DeliveryBackoff backoff;
    private final String inbox;
    private final Clock clock;
    private ScheduledExecutorService scheduler;
    private Instant lastHousekeeping = Instant.EPOCH;

    DeliveryRetries(EventPublicationRepository publications, FailedEventPublications failed, DeliveryFailures failures,
            JdbcTemplate jdbc, EventsProperties.Delivery settings, PlatformTables tables, Clock clock) {
        this.publications = publications;
        this.failed = failed;
        this.failures = failures;
        this.jdbc = jdbc;
        this.settings = settings;
        this.backoff = new DeliveryBackoff(settings);
        this.inbox = tables.name("crow_event_inbox");
        this.clock = clock;
    }

    /** One round; the scheduler calls it every poll interval. */
    void tick() {
        Instant now = clock.instant();
        failStale(now);
        List<EventPublication> exhausted = new ArrayList<>();
        failed.resubmit(ResubmissionOptions.defaults()
                .withBatchSize(settings.batchSize())
                .withMaxInFlight(settings.batchSize())
                .withFilter(publication -> {
                    if (backoff.exhausted(publication, now)) {
                        exhausted.add(publication);
                        return false;
                    }
                    return backoff.due(publication, now);
                }));
        exhausted.forEach(publication -> failures.abandon(publication, now));
        if (lastHousekeeping.plus(HOUSEKEEPING_INTERVAL).isBefore(now)) {
            lastHousekeeping = now;
            publications.deleteCompletedPublicationsBefore(now.minus(settings.keepCompleted()));
            jdbc.update("delete from " + inbox + " where received_at < ?",
                    java.sql.Timestamp.from(now.minus(settings.keepInbox())));
        }
    }

    private void failStale(Instant now) {
        Instant cutoff = now.minus(settings.staleAfter());
        for (Status status : IN_FLIGHT) {
            for (TargetEventPublication publication : publications.findByStatus(status)) {
                if (DeliveryBackoff.lastAttempt(publication).isBefore(cutoff)) {
                    log.info("event publication {} stuck in {} since {}; failing it for a retry",
                            publication.getIdentifier(), status, DeliveryBackoff.lastAttempt(publication));
                    publications.markFailed(publication.getIdentifier());
                }
            }
        }
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // the database may be briefly unavailable; the next round tries again
            log.warn("event delivery round failed: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "crow-event-retries");
                thread.setDaemon(true);
                return thread;
            });
            long period = settings.pollInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::safeTick, period, period, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
