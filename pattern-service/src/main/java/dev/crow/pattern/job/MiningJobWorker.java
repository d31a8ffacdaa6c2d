package dev.crow.pattern.job;

import dev.crow.pattern.PatternProperties;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's share of the job queue: polls for due jobs while it has free workers, keeps
 * heartbeats on the jobs it runs, re-queues jobs whose worker died (on any instance), and on
 * shutdown hands its running jobs back to the queue for another instance.
 */
@Component
public class MiningJobWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MiningJobWorker.class);

    private final MiningJobs jobs;
    private final MiningJobRunner runner;
    private final PatternProperties.Jobs settings;
    private final String workerId = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final Map<UUID, MiningJob> running = new ConcurrentHashMap<>();
    private final AtomicInteger busy = new AtomicInteger();
    private volatile ScheduledExecutorService ticker;
    private volatile ExecutorService pool;

    MiningJobWorker(MiningJobs jobs, MiningJobRunner runner, PatternProperties properties) {
        this.jobs = jobs;
        this.runner = runner;
        this.settings = properties.jobs();
    }

    @Override
    public void start() {
        AtomicInteger threads = new AtomicInteger();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "mining-job-ticker"));
        pool = Executors.newFixedThreadPool(settings.workers(), r -> daemon(r, "mining-job-" + threads.incrementAndGet()));
        ticker.scheduleWithFixedDelay(guarded(this::poll), 0, settings.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        ticker.scheduleWithFixedDelay(guarded(() -> jobs.heartbeat(running.keySet())),
                settings.heartbeatInterval().toMillis(), settings.heartbeatInterval().toMillis(), TimeUnit.MILLISECONDS);
        long recoverEvery = Math.max(1_000, settings.staleAfter().toMillis() / 2);
        ticker.scheduleWithFixedDelay(guarded(this::recover), 0, recoverEvery, TimeUnit.MILLISECONDS);
    }

    /** Looks for work now rather than at the next poll (a job was just queued). */
    public void wake() {
        ScheduledExecutorService current = ticker;
        if (current != null && !current.isShutdown()) {
            current.execute(guarded(this::poll));
        }
    }

    private void poll() {
        while (busy.get() < settings.workers()) {
            Optional<MiningJob> claimed = jobs.claim(workerId);
            if (claimed.isEmpty()) {
                return;
            }
            MiningJob job = claimed.get();
            busy.incrementAndGet();
            running.put(job.claimToken(), job);
            pool.execute(() -> {
                try {
                    runner.run(job);
                } finally {
                    running.remove(job.claimToken());
                    busy.decrementAndGet();
                    wake();
                }
            });
        }
    }

    private void recover() {
        int recovered = jobs.recoverStale(settings.staleAfter());
        if (recovered > 0) {
            log.warn("re-queued or failed {} mining jobs whose worker stopped", recovered);
            poll();
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService currentTicker = ticker;
        ExecutorService currentPool = pool;
        if (currentTicker == null) {
            return;
        }
        currentTicker.shutdownNow();
        currentPool.shutdownNow();
        try {
            jobs.release(running.keySet());
        } catch (RuntimeException e) {
            log.warn("could not hand back {} running mining jobs; they will be re-queued when stale", running.size());
        }
        ticker = null;
        pool = null;
    }

    @Override
    public boolean isRunning() {
        return ticker != null;
    }

    String workerId() {
        return workerId;
    }

    private static Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("mining job queue: {}", e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        };
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
