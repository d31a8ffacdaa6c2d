package dev.crow.pattern.job;

import dev.crow.pattern.PatternProperties;
import dev.crow.pattern.catalog.PatternStore;
import dev.crow.pattern.mining.MiningInputException;
import dev.crow.pattern.mining.MiningOutcome;
import dev.crow.pattern.mining.MiningWindow;
import dev.crow.pattern.mining.PatternMiner;
import dev.crow.pattern.source.InteractionSource;
import dev.crow.pattern.source.UpstreamUnavailableException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs one claimed job: streams the window (and its baseline) from interaction-service through
 * the miner, then stores the patterns and marks the job done in one transaction, which rolls
 * back when this worker lost the job meanwhile. Upstream failures are retried with backoff;
 * unreadable data fails the job with the reason.
 */
@Component
class MiningJobRunner {

    private static final Logger log = LoggerFactory.getLogger(MiningJobRunner.class);
    private static final long PROGRESS_WRITE_MILLIS = 1_000;

    private final MiningJobs jobs;
    private final InteractionSource source;
    private final PatternStore store;
    private final TransactionTemplate transaction;
    private final PatternMiner miner;
    private final PatternProperties.Jobs settings;

    MiningJobRunner(MiningJobs jobs, InteractionSource source, PatternStore store, PlatformTransactionManager transactions,
            PatternProperties properties, JsonMapper json) {
        this.jobs = jobs;
        this.source = source;
        this.store = store;
        this.transaction = new TransactionTemplate(transactions);
        this.miner = new PatternMiner(properties.mining(), json);
        this.settings = properties.jobs();
    }

    void run(MiningJob job) {
        MiningWindow window = new MiningWindow(job.windowFrom(), job.windowTo());
        try {
            jobs.progress(job, 1, "reading interactions", 0);
            ProgressWriter progress = new ProgressWriter(job, window);
            MiningOutcome outcome = source.export(job.organizationId(), window.baselineFrom(), window.to(),
                    in -> miner.mine(in, window, progress::update));
            jobs.progress(job, 90, "storing patterns", outcome.interactions());
            PatternStore.JobScope scope = new PatternStore.JobScope(job.id(), job.organizationId(), job.period(),
                    job.origin(), job.windowFrom(), job.windowTo());
            Boolean stored = transaction.execute(status -> {
                store.save(scope, outcome);
                if (!jobs.succeed(job, outcome.interactions(), outcome.patterns().size())) {
                    status.setRollbackOnly();
                    return false;
                }
                return true;
            });
            if (!Boolean.TRUE.equals(stored)) {
                log.warn("mining job {} was taken over by another worker; its results were discarded", job.id());
            }
        } catch (UpstreamUnavailableException e) {
            jobs.retryLater(job, e.getMessage(), settings.retryBackoff().multipliedBy(Math.max(1, job.attempts())));
        } catch (MiningInputException e) {
            jobs.fail(job, "the interaction data could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            log.error("mining job {} failed", job.id(), e);
            jobs.fail(job, "internal error while mining");
        }
    }

    /** Writes progress (the share of the streamed time span) at most once a second. */
    private final class ProgressWriter {

        private final MiningJob job;
        private final long start;
        private final long span;
        private long lastWrite;

        ProgressWriter(MiningJob job, MiningWindow window) {
            this.job = job;
            this.start = window.baselineFrom().toEpochMilli();
            this.span = window.to().toEpochMilli() - start;
        }

        void update(long interactions, Instant position) {
            long now = System.currentTimeMillis();
            if (now - lastWrite < PROGRESS_WRITE_MILLIS) {
                return;
            }
            lastWrite = now;
            double done = Math.max(0, Math.min(1, (position.toEpochMilli() - start) / (double) span));
            jobs.progress(job, 1 + (int) (done * 88), "reading interactions", interactions);
        }
    }
}
