package dev.crow.pattern.schedule;

import dev.crow.pattern.PatternProperties;
import java.time.Clock;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;

/**
 * The periodic runs on cron triggers from {@code crow.pattern.schedule}, in UTC, guarded by
 * ShedLock with its table in the patterns schema and the database's clock (instances' clocks
 * may differ; the database's is one). {@code crow.pattern.schedule.enabled=false} turns the
 * triggers off (the runs can still be called).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class SchedulingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("patterns.shedlock")
                .usingDbTime()
                .build());
    }

    @Bean
    @ConditionalOnProperty(name = "crow.pattern.schedule.enabled", havingValue = "true", matchIfMissing = true)
    SchedulingConfigurer periodicMiningTriggers(@Qualifier("periodicMining") PeriodicMining mining,
            PatternProperties properties) {
        PatternProperties.Schedule schedule = properties.schedule();
        return (ScheduledTaskRegistrar registrar) -> {
            registrar.addTriggerTask(mining::daily, new CronTrigger(schedule.daily(), ZoneOffset.UTC));
            registrar.addTriggerTask(mining::weekly, new CronTrigger(schedule.weekly(), ZoneOffset.UTC));
            registrar.addTriggerTask(mining::monthly, new CronTrigger(schedule.monthly(), ZoneOffset.UTC));
            registrar.addTriggerTask(mining::yearly, new CronTrigger(schedule.yearly(), ZoneOffset.UTC));
        };
    }
}
