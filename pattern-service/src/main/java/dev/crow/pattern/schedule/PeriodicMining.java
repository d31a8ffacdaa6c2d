package dev.crow.pattern.schedule;

import dev.crow.pattern.Period;
import dev.crow.pattern.PatternProperties;
import dev.crow.pattern.job.MiningJobWorker;
import dev.crow.pattern.job.MiningJobs;
import dev.crow.pattern.source.InteractionSource;
import java.time.Clock;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Queues one job per organization with data for the last complete period. The lock makes one
 * instance do it; the queue's unique index on (organization, period, start) makes a second run
 * harmless anyway. lockAtLeastFor outlasts clock differences between instances. The runs return
 * nothing because ShedLock's proxy cannot return a value for a run it skipped.
 */
@Component
public class PeriodicMining {

    private static final Logger log = LoggerFactory.getLogger(PeriodicMining.class);

    private final InteractionSource interactions;
    private final MiningJobs jobs;
    private final MiningJobWorker worker;
    private final PatternProperties.Jobs settings;
    private final Clock clock;

    PeriodicMining(InteractionSource interactions, MiningJobs jobs, MiningJobWorker worker, PatternProperties properties,
            Clock clock) {
        this.interactions = interactions;
        this.jobs = jobs;
        this.worker = worker;
        this.settings = properties.jobs();
        this.clock = clock;
    }

    @SchedulerLock(name = "patterns-daily", lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
    public void daily() {
        enqueue(Period.DAILY);
    }

    @SchedulerLock(name = "patterns-weekly", lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
    public void weekly() {
        enqueue(Period.WEEKLY);
    }

    @SchedulerLock(name = "patterns-monthly", lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
    public void monthly() {
        enqueue(Period.MONTHLY);
    }

    @SchedulerLock(name = "patterns-yearly", lockAtLeastFor = "PT5M", lockAtMostFor = "PT30M")
    public void yearly() {
        enqueue(Period.YEARLY);
    }

    /** Returns how many jobs were queued (ShedLock's proxy skips the call, returning nothing, without the lock). */
    private int enqueue(Period period) {
        Period.Window window = period.lastComplete(clock.instant());
        List<String> organizations = interactions.organizationsWithData(window.from());
        int queued = 0;
        for (String organization : organizations) {
            if (jobs.enqueueScheduled(organization, period, window.from(), window.to(), settings.maxAttempts())) {
                queued++;
            }
        }
        log.info("{} pattern mining: {} jobs queued for {} organizations ({} to {})", period.wireName(), queued,
                organizations.size(), window.from(), window.to());
        worker.wake();
        return queued;
    }
}
