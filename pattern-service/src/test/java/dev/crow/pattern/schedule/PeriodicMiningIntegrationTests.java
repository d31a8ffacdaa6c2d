package dev.crow.pattern.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crow.interaction.demo.SyntheticInteractions;
import dev.crow.pattern.PatternServiceApplication;
import dev.crow.pattern.job.MiningJobs;
import dev.crow.pattern.support.PatternServiceIntegrationTest;
import dev.crow.test.TestServiceKeys;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/** The periodic runs, with a second instance of the service sharing the database. */
class PeriodicMiningIntegrationTests extends PatternServiceIntegrationTest {

    @Autowired
    private PeriodicMining mining;

    @Autowired
    private MiningJobs jobs;

    @Autowired
    private Environment environment;

    private ConfigurableApplicationContext secondInstance() {
        return new SpringApplicationBuilder(PatternServiceApplication.class).properties(
                        "server.port=0",
                        "spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "spring.datasource.password=" + environment.getProperty("spring.datasource.password"),
                        "crow.platform.service-key=" + TestServiceKeys.serviceKey(),
                        "crow.platform.services.interactions=" + INTERACTIONS.baseUrl(),
                        // never called: no request reaches this instance's API
                        "crow.platform.jwt.jwks-uri=http://127.0.0.1:9/jwks",
                        "crow.pattern.schedule.enabled=false",
                        "crow.pattern.jobs.poll-interval=200ms")
                .run();
    }

    @Test
    void aScheduledPeriodIsQueuedOnceAcrossInstancesAndOncePerOrganization() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String first = newOrganization();
        String second = newOrganization();
        INTERACTIONS.serve(first, new SyntheticInteractions(SyntheticInteractions.Settings.defaults(31, today.minusDays(16), 16)));
        INTERACTIONS.serve(second, new SyntheticInteractions(SyntheticInteractions.Settings.defaults(32, today.minusDays(16), 16)));
        int callsBefore = INTERACTIONS.calls("/internal/interactions/organizations");

        try (ConfigurableApplicationContext other = secondInstance()) {
            PeriodicMining otherMining = other.getBean(PeriodicMining.class);
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService instances = Executors.newFixedThreadPool(2);
            List<Future<?>> runs = List.of(
                    instances.submit(() -> {
                        start.await();
                        mining.weekly();
                        return null;
                    }),
                    instances.submit(() -> {
                        start.await();
                        otherMining.weekly();
                        return null;
                    }));
            start.countDown();
            for (Future<?> run : runs) {
                run.get();
            }
            instances.shutdown();
            // a later trigger within lockAtLeastFor (a clock that runs ahead) is skipped too
            otherMining.weekly();
            mining.weekly();
        }

        assertThat(INTERACTIONS.calls("/internal/interactions/organizations")).isEqualTo(callsBefore + 1);
        for (String org : List.of(first, second)) {
            Integer queued = jdbc.queryForObject("SELECT count(*) FROM patterns.mining_job WHERE organization_id = ? "
                    + "AND origin = 'scheduled' AND period = 'weekly'", Integer.class, org);
            assertThat(queued).isEqualTo(1);
        }
        String lockedBy = jdbc.queryForObject("SELECT locked_by FROM patterns.shedlock WHERE name = 'patterns-weekly'",
                String.class);
        assertThat(lockedBy).isNotBlank();
    }

    @Test
    void theQueueItselfRefusesASecondJobForTheSameScheduledPeriod() {
        String org = newOrganization();
        var window = dev.crow.pattern.Period.MONTHLY.lastComplete(java.time.Instant.now());
        assertThat(jobs.enqueueScheduled(org, dev.crow.pattern.Period.MONTHLY, window.from(), window.to(), 3)).isTrue();
        assertThat(jobs.enqueueScheduled(org, dev.crow.pattern.Period.MONTHLY, window.from(), window.to(), 3)).isFalse();
    }
}
