package dev.crow.pattern.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.interaction.demo.SyntheticInteractions;
import dev.crow.pattern.support.PatternServiceIntegrationTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Jobs outlive their workers: restarts, crashes and competing claimers. */
class JobRecoveryIntegrationTests extends PatternServiceIntegrationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    @Autowired
    private MiningJobs jobs;

    @Autowired
    private MiningJobWorker worker;

    private String organizationWithData() {
        String org = newOrganization();
        INTERACTIONS.serve(org, new SyntheticInteractions(SyntheticInteractions.Settings.defaults(21, TODAY.minusDays(8), 8)));
        return org;
    }

    /** A job row as a worker that has since died would have left it. */
    private UUID insert(String org, String status, int attempts, String heartbeatAgo) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO patterns.mining_job (id, organization_id, period, origin, window_from, window_to, status, "
                        + "attempts, max_attempts, claim_token, worker, heartbeat_at, started_at) VALUES (?, ?, 'weekly', "
                        + "'manual', ?, ?, ?, ?, 3, ?, 'dead-worker', now() - ?::interval, now() - ?::interval)",
                id, org, MiningJobs.utc(TODAY.minusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant()),
                MiningJobs.utc(TODAY.atStartOfDay(ZoneOffset.UTC).toInstant()), status, attempts,
                status.equals("running") ? UUID.randomUUID() : null, heartbeatAgo, heartbeatAgo);
        return id;
    }

    @Test
    void aRunningJobWhoseWorkerDiedIsRequeuedAndFinished() {
        String org = organizationWithData();
        UUID id = insert(org, "running", 1, "10 minutes");
        JsonNode job = awaitFinished(org, id.toString());
        assertThat(job.get("status").asString()).isEqualTo("succeeded");
        assertThat(job.get("attempts").asInt()).isEqualTo(2);
        assertThat(job.get("patternsFound").asInt()).isPositive();
    }

    @Test
    void aStaleJobWithoutAttemptsLeftFailsWithTheReason() {
        String org = organizationWithData();
        UUID id = insert(org, "running", 3, "10 minutes");
        JsonNode job = awaitFinished(org, id.toString());
        assertThat(job.get("status").asString()).isEqualTo("failed");
        assertThat(job.get("error").asString()).isEqualTo("the worker running this job stopped");
    }

    @Test
    void aJobQueuedBeforeARestartIsPickedUp() {
        String org = organizationWithData();
        UUID id = insert(org, "queued", 0, "1 hour");
        assertThat(awaitFinished(org, id.toString()).get("status").asString()).isEqualTo("succeeded");
    }

    @Test
    void aLiveWorkersJobIsNotTakenFromIt() {
        String org = organizationWithData();
        INTERACTIONS.stall(org);
        try {
            String id = analyze(org, null);
            awaitJob(org, id, job -> job.get("status").asString().equals("running"));
            // several stale-after periods pass while the worker is alive and heartbeating
            JsonNode stillRunning = awaitJob(org, id, job -> {
                Integer seconds = jdbc.queryForObject("SELECT extract(epoch FROM now() - started_at)::int "
                        + "FROM patterns.mining_job WHERE id = ?::uuid", Integer.class, id);
                return seconds != null && seconds > 8;
            });
            assertThat(stillRunning.get("status").asString()).isEqualTo("running");
            assertThat(stillRunning.get("attempts").asInt()).isEqualTo(1);
            INTERACTIONS.release(org);
            assertThat(awaitFinished(org, id).get("status").asString()).isEqualTo("succeeded");
        } finally {
            INTERACTIONS.release(org);
        }
    }

    @Test
    void concurrentClaimersNeverTakeTheSameJob() throws Exception {
        worker.stop();
        try {
            String org = newOrganization();
            Set<UUID> queued = new HashSet<>();
            for (int i = 0; i < 12; i++) {
                queued.add(insert(org, "queued", 0, "1 minute"));
            }
            ExecutorService claimers = Executors.newFixedThreadPool(4);
            List<Callable<List<UUID>>> tasks = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                tasks.add(() -> {
                    List<UUID> claimed = new ArrayList<>();
                    Optional<MiningJob> job;
                    while ((job = jobs.claim("claimer")).isPresent()) {
                        claimed.add(job.get().id());
                    }
                    return claimed;
                });
            }
            List<UUID> all = new ArrayList<>();
            for (Future<List<UUID>> result : claimers.invokeAll(tasks)) {
                all.addAll(result.get());
            }
            claimers.shutdown();
            assertThat(all).doesNotHaveDuplicates().containsAll(queued);
            jdbc.update("UPDATE patterns.mining_job SET status = 'failed', claim_token = NULL WHERE organization_id = ?", org);
        } finally {
            worker.start();
        }
    }
}
