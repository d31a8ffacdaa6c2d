package dev.crow.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.crow.platform.events.testapp.EventsTestApplication;
import dev.crow.platform.events.testapp.OrganizationCopies;
import dev.crow.platform.events.types.OrganizationCreated;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Producer and subscriber as two real services (two Spring contexts) on one PostgreSQL, each in
 * its own schema, talking over HTTP exactly as deployed services do.
 */
class CrowEventsIntegrationTests {

    private static final String SERVICE_KEY = "events-test-service-key-" + UUID.randomUUID();
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static EventsTestDatabase database;
    private static JdbcTemplate sql;
    private static int subscriberPort;
    private static ConfigurableApplicationContext subscriber;
    private static int producers;

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<ConfigurableApplicationContext> started = new ArrayList<>();

    @BeforeAll
    static void startSubscriber() {
        database = EventsTestDatabase.create();
        sql = database.jdbc();
        subscriberPort = freePort();
        subscriber = service("subscriber", subscriberPort, Map.of());
    }

    @AfterAll
    static void stopSubscriber() {
        subscriber.close();
    }

    @AfterEach
    void stopProducers() {
        started.forEach(ConfigurableApplicationContext::close);
        OrganizationCopies.FAILURES_TO_INJECT.set(0);
    }

    @Test
    void eventCommittedWhileSubscriberIsDownArrivesOnceItIsBack() {
        int latePort = freePort();
        ConfigurableApplicationContext producer = producer(latePort, Map.of());
        CrowEvent event = publish(producer, "Acme");

        await().atMost(PATIENCE).until(() -> attempts("producer_" + producers, event) >= 2);
        assertThat(status("producer_" + producers, event)).isIn("FAILED", "RESUBMITTED", "PROCESSING");

        started.add(service("late_subscriber", latePort, Map.of()));
        await().atMost(PATIENCE).until(() -> copies("late_subscriber", event) == 1);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(status("producer_" + producers, event)));
        assertThat(copies("late_subscriber", event)).isEqualTo(1);
    }

    @Test
    void sameEventDeliveredTwiceHasOneEffect() throws Exception {
        String envelope = envelope(UUID.randomUUID(), "organization.created",
                "{\"organizationId\":\"org-twice\",\"name\":\"Twice\"}");
        HttpResponse<String> first = postToSubscriber(envelope, true);
        HttpResponse<String> second = postToSubscriber(envelope, true);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"status\":\"applied\"");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("\"status\":\"duplicate\"");
        assertThat(sql.queryForObject("select count(*) from subscriber.organization_copy where organization_id = ?",
                Integer.class, "org-twice")).isEqualTo(1);
    }

    @Test
    void concurrentDuplicatesFromSeveralProducerInstancesHaveOneEffect() throws Exception {
        String envelope = envelope(UUID.randomUUID(), "organization.created",
                "{\"organizationId\":\"org-race\",\"name\":\"Race\"}");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> postToSubscriber(envelope, true)));
            }
            int applied = 0;
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                assertThat(response.statusCode()).isEqualTo(200);
                applied += response.body().contains("\"applied\"") ? 1 : 0;
            }
            assertThat(applied).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(sql.queryForObject("select count(*) from subscriber.organization_copy where organization_id = ?",
                Integer.class, "org-race")).isEqualTo(1);
    }

    @Test
    void deliveryPendingWhenTheProducerDiesIsSentByTheNextInstance() throws Exception {
        ConfigurableApplicationContext first = producer(subscriberPort, Map.of(
                "spring.task.execution.pool.core-size", "1",
                "spring.threads.virtual.enabled", "false"));
        String schema = "producer_" + producers;
        ThreadPoolTaskExecutor executor = first.getBean("applicationTaskExecutor", ThreadPoolTaskExecutor.class);
        CountDownLatch never = new CountDownLatch(1);
        executor.execute(() -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        CrowEvent event = publish(first, "Crashing");
        assertThat(status(schema, event)).isEqualTo("PUBLISHED");
        // the process dies: queued work is lost, nothing is delivered
        executor.getThreadPoolExecutor().shutdownNow();
        first.close();
        assertThat(status(schema, event)).isEqualTo("PUBLISHED");
        assertThat(copies("subscriber", event)).isZero();

        started.add(service(schema, freePort(), producerSettings(subscriberPort)));
        await().atMost(PATIENCE).until(() -> copies("subscriber", event) == 1);
        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(status(schema, event)));
    }

    @Test
    void rolledBackTransactionPublishesNothing() {
        ConfigurableApplicationContext producer = producer(subscriberPort, Map.of());
        String schema = "producer_" + producers;
        CrowEvents events = producer.getBean(CrowEvents.class);
        TransactionTemplate transaction = new TransactionTemplate(producer.getBean(PlatformTransactionManager.class));

        CrowEvent rolledBack = transaction.execute(status -> {
            CrowEvent event = events.publish(organization("Never"));
            status.setRollbackOnly();
            return event;
        });
        CrowEvent committed = publish(producer, "Committed");

        await().atMost(PATIENCE).until(() -> copies("subscriber", committed) == 1);
        assertThat(copies("subscriber", rolledBack)).isZero();
        assertThat(sql.queryForObject("select count(*) from " + schema + ".event_publication where serialized_event like ?",
                Integer.class, "%" + rolledBack.id() + "%")).isZero();
        assertThat(sql.queryForObject("select count(*) from subscriber.crow_event_inbox where event_id = ?",
                Integer.class, rolledBack.id())).isZero();
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        ConfigurableApplicationContext producer = producer(subscriberPort, Map.of());
        assertThatThrownBy(() -> producer.getBean(CrowEvents.class).publish(organization("Loose")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
    }

    @Test
    void failingHandlerRollsBackAndTheEventIsRetriedUntilApplied() {
        OrganizationCopies.FAILURES_TO_INJECT.set(2);
        ConfigurableApplicationContext producer = producer(subscriberPort, Map.of());
        CrowEvent event = publish(producer, "Flaky");

        await().atMost(PATIENCE).until(() -> "COMPLETED".equals(status("producer_" + producers, event)));
        assertThat(copies("subscriber", event)).isEqualTo(1);
        assertThat(attempts("producer_" + producers, event)).isEqualTo(3);
    }

    @Test
    void exhaustedDeliveryIsGivenUpIntoAVisibleFailedState() {
        ConfigurableApplicationContext producer = producer(freePort(), Map.of(
                "crow.platform.events.delivery.max-attempts", "3"));
        String schema = "producer_" + producers;
        CrowEvent event = publish(producer, "Unreachable");

        await().atMost(PATIENCE).until(() -> sql.queryForObject(
                "select count(*) from " + schema + ".crow_event_delivery_failure where event_id = ?", Integer.class,
                event.id()) == 1);
        Map<String, Object> failure = sql.queryForMap("select * from " + schema
                + ".crow_event_delivery_failure where event_id = ?", event.id());
        assertThat(failure).containsEntry("event_type", "organization.created").containsEntry("subscriber", "subscriber")
                .containsEntry("attempts", 3);
        assertThat(sql.queryForObject("select count(*) from " + schema + ".event_publication", Integer.class)).isZero();
        assertThat(producer.getBean(MeterRegistry.class).counter("crow.events.delivery.abandoned",
                "subscriber", "subscriber", "type", "organization.created").count()).isEqualTo(1.0);
    }

    @Test
    void internalEventsEndpointNeedsTheServiceKeyAndAValidEnvelope() throws Exception {
        String valid = envelope(UUID.randomUUID(), "organization.created", "{\"organizationId\":\"o\",\"name\":\"n\"}");
        assertThat(postToSubscriber(valid, false).statusCode()).isEqualTo(401);

        HttpResponse<String> noId = postToSubscriber("{\"type\":\"organization.created\",\"producer\":\"p\","
                + "\"occurredAt\":\"2025-01-01T00:00:00Z\",\"payload\":{}}", true);
        assertThat(noId.statusCode()).isEqualTo(400);
        assertThat(noId.body()).contains("Invalid request parameters: id");

        HttpResponse<String> badPayload = postToSubscriber(envelope(UUID.randomUUID(), "organization.created",
                "{\"organizationId\":{\"nested\":true}}"), true);
        assertThat(badPayload.statusCode()).isEqualTo(400);

        HttpResponse<String> unknown = postToSubscriber(envelope(UUID.randomUUID(), "camera.moved", "{}"), true);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body()).contains("\"status\":\"ignored\"");
    }

    @Test
    void starterTablesLiveInTheServiceSchemaWithTheirOwnHistory() {
        List<String> tables = sql.queryForList("select table_name from information_schema.tables "
                + "where table_schema = 'subscriber' order by table_name", String.class);
        assertThat(tables).contains("flyway_schema_history", "crow_platform_schema_history", "organization_copy",
                "event_publication", "crow_event_inbox", "crow_event_delivery_failure");
        assertThat(sql.queryForList("select version from subscriber.crow_platform_schema_history "
                + "where success order by installed_rank", String.class)).containsExactly("0", "1", "2", "3");
    }

    private ConfigurableApplicationContext producer(int subscriberPort, Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>(producerSettings(subscriberPort));
        settings.putAll(extra);
        ConfigurableApplicationContext producer = service("producer_" + (++producers), freePort(), settings);
        started.add(producer);
        return producer;
    }

    private static Map<String, String> producerSettings(int subscriberPort) {
        return Map.of(
                "crow.platform.services.subscriber", "http://127.0.0.1:" + subscriberPort,
                "crow.platform.events.subscribers.organization.created", "subscriber");
    }

    private static ConfigurableApplicationContext service(String schema, int port, Map<String, String> extra) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("crow.platform.service-name", schema.replace('_', '-'));
        properties.put("crow.platform.schema", schema);
        properties.put("crow.platform.service-key", SERVICE_KEY);
        properties.put("spring.datasource.url", database.url(schema));
        properties.put("spring.datasource.username", "postgres");
        properties.put("spring.datasource.password", "postgres");
        properties.put("spring.flyway.locations", "classpath:db/events-testapp");
        properties.put("server.port", String.valueOf(port));
        properties.put("crow.platform.events.delivery.initial-backoff", "100ms");
        properties.put("crow.platform.events.delivery.max-backoff", "400ms");
        properties.put("crow.platform.events.delivery.poll-interval", "100ms");
        properties.put("crow.platform.events.delivery.stale-after", "1s");
        properties.putAll(extra);
        // arguments, not defaults: they must win over the starter's own test application.properties, which is not read
        List<String> arguments = new ArrayList<>(List.of("--spring.config.name=events-testapp"));
        properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
        return new SpringApplicationBuilder(EventsTestApplication.class).run(arguments.toArray(String[]::new));
    }

    private static CrowEvent publish(ConfigurableApplicationContext producer, String name) {
        CrowEvents events = producer.getBean(CrowEvents.class);
        return new TransactionTemplate(producer.getBean(PlatformTransactionManager.class))
                .execute(status -> events.publish(organization(name)));
    }

    private static OrganizationCreated organization(String name) {
        return new OrganizationCreated(UUID.randomUUID().toString(), name, name.toLowerCase(), null, "free",
                UUID.randomUUID().toString(), "owner@acme.dev", "Owner");
    }

    private static String status(String schema, CrowEvent event) {
        List<String> statuses = sql.queryForList("select status from " + schema
                + ".event_publication where serialized_event like ?", String.class, "%" + event.id() + "%");
        return statuses.isEmpty() ? null : statuses.get(0);
    }

    private static int attempts(String schema, CrowEvent event) {
        List<Integer> attempts = sql.queryForList("select completion_attempts from " + schema
                + ".event_publication where serialized_event like ?", Integer.class, "%" + event.id() + "%");
        return attempts.isEmpty() ? 0 : attempts.get(0);
    }

    private static int copies(String schema, CrowEvent event) {
        Integer count = sql.queryForObject("select count(*) from " + schema + ".organization_copy where event_id = ?",
                Integer.class, event.id());
        return count == null ? 0 : count;
    }

    private static String envelope(UUID id, String type, String payload) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"2025-11-14T10:28:44.214Z\","
                + "\"producer\":\"auth\",\"organizationId\":null,\"payload\":" + payload + "}";
    }

    private HttpResponse<String> postToSubscriber(String body, boolean withKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + subscriberPort
                        + "/internal/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (withKey) {
            request.header("X-Service-API-Key", SERVICE_KEY);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
