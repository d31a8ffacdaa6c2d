package dev.crow.product.crawl;

import dev.crow.product.ProductProperties;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A few worker threads that take queued crawler jobs from the database and run them. Claiming
 * uses {@code FOR UPDATE SKIP LOCKED}, so any number of instances share one queue and each job
 * runs once; an advisory lock per organization keeps its running jobs within the limit across
 * instances. Jobs whose worker vanished (no heartbeat) are put back in the queue by whichever
 * instance notices first, and a worker that shuts down mid-crawl hands its job back at once.
 */
@Component
class CrawlerWorkerPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CrawlerWorkerPool.class);
    private static final long HEARTBEAT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long SHUTDOWN_GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final CrawlerJobRepository jobs;
    private final ShopCrawler crawler;
    private final TransactionTemplate transactions;
    private final ProductProperties.Crawler settings;
    private final String instanceId = instanceName() + "/" + UUID.randomUUID();
    private final Semaphore wakeups = new Semaphore(0);
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    CrawlerWorkerPool(CrawlerJobRepository jobs, ShopCrawler crawler, TransactionTemplate transactions,
            ProductProperties properties) {
        this.jobs = jobs;
        this.crawler = crawler;
        this.transactions = transactions;
        this.settings = properties.crawler();
    }

    /** Tells idle workers that a job was queued, so they need not wait for the next poll. */
    void wake() {
        wakeups.release(settings.workers());
    }

    @Override
    public synchronized void start() {
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            String workerId = instanceId + "#" + i;
            Thread thread = new Thread(() -> work(workerId), "crawler-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * Interrupts the workers and waits briefly for them to hand their jobs back. Workers are daemon
     * threads: one stuck in I/O past the grace period is left behind, and its job is re-queued by
     * the stale-heartbeat rule.
     */
    @Override
    public synchronized void stop() {
        running = false;
        threads.forEach(Thread::interrupt);
        long deadline = System.nanoTime() + SHUTDOWN_GRACE_NANOS;
        for (Thread thread : threads) {
            long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
            if (remainingMillis <= 0) {
                break;
            }
            try {
                thread.join(remainingMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void work(String workerId) {
        while (running) {
            try {
                jobs.recoverStale(settings.heartbeatStaleAfter(), settings.maxAttempts());
                Optional<CrawlerJob> job = claim(workerId);
                if (job.isPresent()) {
                    run(job.get(), workerId);
                } else {
                    wakeups.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                // The database may be briefly unreachable; back off and try again.
                log.warn("crawler worker loop failed: {}", e.toString());
                try {
                    wakeups.tryAcquire(settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    Optional<CrawlerJob> claim(String workerId) {
        return transactions.execute(status -> {
            for (Map<String, Object> candidate : jobs.lockQueued(10)) {
                String organizationId = (String) candidate.get("organization_id");
                jobs.lockOrganization(organizationId);
                if (jobs.count(organizationId, CrawlerJobStatus.RUNNING) < settings.maxRunningPerOrganization()) {
                    return Optional.of(jobs.markRunning((UUID) candidate.get("id"), workerId));
                }
            }
            return Optional.<CrawlerJob>empty();
        });
    }

    private void run(CrawlerJob job, String workerId) {
        JobListener listener = new JobListener(job, workerId);
        try {
            CrawlCounters counters = crawler.crawl(job, listener);
            jobs.finish(job.id(), workerId, CrawlerJobStatus.COMPLETED, null,
                    new CrawlCounters(counters.pagesFetched(), counters.pagesDiscovered(), counters.productsFound(),
                            counters.imagesStored(), 1.0));
        } catch (ShopCrawler.CrawlFailed e) {
            jobs.finish(job.id(), workerId, CrawlerJobStatus.FAILED, e.getMessage(), listener.last);
        } catch (CrawlStopped e) {
            if (!running || Thread.currentThread().isInterrupted()) {
                jobs.release(job.id(), workerId);
            }
        } catch (RuntimeException e) {
            log.error("crawler job {} failed unexpectedly", job.id(), e);
            jobs.finish(job.id(), workerId, CrawlerJobStatus.FAILED, "internal error while crawling", listener.last);
        }
    }

    /** Heartbeats at most every two seconds; each one also tells whether the job was cancelled. */
    private final class JobListener implements CrawlListener {

        private final CrawlerJob job;
        private final String workerId;
        private long lastBeat = System.nanoTime();
        private CrawlCounters last = new CrawlCounters(0, 0, 0, 0, 0);

        JobListener(CrawlerJob job, String workerId) {
            this.job = job;
            this.workerId = workerId;
        }

        @Override
        public boolean progress(CrawlCounters counters) {
            last = counters;
            long now = System.nanoTime();
            if (now - lastBeat < HEARTBEAT_EVERY_NANOS) {
                return running;
            }
            lastBeat = now;
            return running && jobs.heartbeat(job.id(), workerId, counters);
        }

        @Override
        public void error(String url, String message) {
            jobs.addError(job.id(), url, message);
        }
    }

    private static String instanceName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "product-service";
        }
    }
}
