package dev.crow.platform.events;

import dev.crow.platform.client.InternalClientsAutoConfiguration;
import dev.crow.platform.client.InternalServices;
import dev.crow.platform.config.CrowPlatformProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.config.EventPublicationAutoConfiguration;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * CROW events for every service with a database: the publisher ({@link CrowEvents}), delivery
 * after commit with retries, the subscriber endpoint {@code POST /internal/events} with its
 * inbox, and the starter's tables migrated into the service's schema. docs/events.md explains it.
 */
@AutoConfiguration(after = {EventPublicationAutoConfiguration.class, InternalClientsAutoConfiguration.class,
        FlywayAutoConfiguration.class, JdbcTemplateAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
        DataSourceTransactionManagerAutoConfiguration.class})
@ConditionalOnBean({DataSource.class, EventPublicationRepository.class})
@EnableConfigurationProperties(EventsProperties.class)
@EnableAsync
public class CrowEventsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(EventSerializer.class)
    static EventSerializer crowEventSerializer(ObjectProvider<JsonMapper> json) {
        return new JsonEventSerializer(json.getIfAvailable(JsonMapper::new));
    }

    @Bean
    PlatformMigrations crowPlatformMigrations(DataSource dataSource, CrowPlatformProperties platform,
            ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
            @Value("${spring.modulith.events.jdbc.schema:}") String registrySchema) {
        // the service's own Flyway must have run first: it refuses a schema that already holds tables
        serviceMigrations.ifAvailable(initializer -> { });
        return new PlatformMigrations(dataSource, platform.schema(), registrySchema);
    }

    @Bean
    CrowEvents crowEvents(ApplicationEventPublisher publisher, EventsProperties properties,
            CrowPlatformProperties platform, ObjectProvider<JsonMapper> json, ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters) {
        for (var entry : properties.subscribers().entrySet()) {
            for (String subscriber : entry.getValue()) {
                if (!platform.services().containsKey(subscriber)) {
                    throw new IllegalStateException("crow.platform.events.subscribers." + entry.getKey() + " names "
                            + subscriber + ", but crow.platform.services." + subscriber + " is not configured");
                }
            }
        }
        return new CrowEvents(publisher, properties, platform.serviceName(), json.getIfAvailable(JsonMapper::new),
                clock.getIfAvailable(Clock::systemUTC), meters(meters));
    }

    @Bean
    EventDeliveryListener crowEventDeliveryListener(InternalServices services,
            ObjectProvider<MeterRegistry> meters) {
        return new EventDeliveryListener(new EventSender(services, meters(meters)));
    }

    @Bean
    DeliveryRetries crowEventDeliveryRetries(EventPublicationRepository publications, FailedEventPublications failed,
            JdbcTemplate jdbc, PlatformTransactionManager transactions, EventSerializer serializer,
            EventsProperties properties, CrowPlatformProperties platform, ObjectProvider<Clock> clock,
            ObjectProvider<MeterRegistry> meters, PlatformMigrations migrations) {
        PlatformTables tables = new PlatformTables(platform.schema());
        DeliveryFailures failures = new DeliveryFailures(jdbc, new TransactionTemplate(transactions), publications,
                serializer, meters(meters), tables);
        return new DeliveryRetries(publications, failed, failures, jdbc, properties.delivery(), tables,
                clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    EventHandlers crowEventHandlers(ConfigurableListableBeanFactory beans, ObjectProvider<JsonMapper> json) {
        return new EventHandlers(beans, json.getIfAvailable(JsonMapper::new));
    }

    private static MeterRegistry meters(ObjectProvider<MeterRegistry> meters) {
        return meters.getIfAvailable(() -> Metrics.globalRegistry);
    }

    /** The subscriber side: {@code POST /internal/events} and the inbox behind it. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @Import(InternalEventsController.class)
    static class Subscriber {

        @Bean
        EventInbox crowEventInbox(JdbcTemplate jdbc, PlatformTransactionManager transactions, EventHandlers handlers,
                CrowPlatformProperties platform, ObjectProvider<MeterRegistry> meters, PlatformMigrations migrations) {
            return new EventInbox(jdbc, new TransactionTemplate(transactions), handlers, meters(meters),
                    new PlatformTables(platform.schema()));
        }
    }
}
