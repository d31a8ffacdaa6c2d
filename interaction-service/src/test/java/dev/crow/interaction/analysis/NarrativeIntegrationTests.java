package dev.crow.interaction.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.crow.interaction.support.InteractionServiceIntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The analysis with an OpenAI-compatible provider configured, played by a local fake. */
class NarrativeIntegrationTests extends InteractionServiceIntegrationTest {

    private static final String PROVIDER_KEY = "sk-test-" + System.nanoTime();
    private static final AtomicInteger STATUS = new AtomicInteger(200);
    private static final AtomicReference<String> ANSWER = new AtomicReference<>();
    private static final AtomicReference<String> LAST_REQUEST = new AtomicReference<>();
    private static final AtomicReference<String> LAST_AUTHORIZATION = new AtomicReference<>();
    private static final HttpServer PROVIDER = startProvider();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("crow.interaction.llm.base-url", () -> "http://127.0.0.1:" + PROVIDER.getAddress().getPort() + "/v1");
        registry.add("crow.interaction.llm.model", () -> "fake-analyst-1");
        registry.add("crow.interaction.llm.api-key", () -> PROVIDER_KEY);
        registry.add("crow.interaction.llm.timeout", () -> "3s");
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop(0);
    }

    private static HttpServer startProvider() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/chat/completions", exchange -> {
                LAST_REQUEST.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                LAST_AUTHORIZATION.set(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = ANSWER.get().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(STATUS.get(), body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String completion(String content) {
        return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"model\":\"fake-analyst-1\",\"choices\":[{\"index\":0,"
                + "\"message\":{\"role\":\"assistant\",\"content\":" + JSON.writeValueAsString(content)
                + "},\"finish_reason\":\"stop\"}]}";
    }

    private JsonNode analyze(String org) {
        HttpResponse<String> response = post("/api/v1/interactions/organization/" + org + "/analyze", fullAccess(org),
                "{}");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    @Test
    void addsTheProvidersNarrativeWrittenFromTheStatisticalFacts() {
        String org = newOrganization();
        JsonNode loaded = loadDemo(org, 7, 28);
        STATUS.set(200);
        ANSWER.set(completion("Traffic spiked on " + loaded.get("planted").get("spikeDay").asString() + "."));

        JsonNode report = analyze(org);

        assertThat(report.get("method").asString()).isEqualTo("llm");
        assertThat(report.get("model").asString()).isEqualTo("fake-analyst-1");
        assertThat(report.get("narrative").asString()).startsWith("Traffic spiked on ");
        assertThat(report.get("anomalies").size()).isPositive();
        assertThat(LAST_AUTHORIZATION.get()).isEqualTo("Bearer " + PROVIDER_KEY);
        JsonNode request = JSON.readTree(LAST_REQUEST.get());
        assertThat(request.get("model").asString()).isEqualTo("fake-analyst-1");
        String facts = request.get("messages").get(1).get("content").asString();
        assertThat(facts).contains(loaded.get("planted").get("spikeDay").asString()).contains("\"insights\"");
    }

    @Test
    void staysStatisticalAndSaysSoWhenTheProviderFails() {
        String org = newOrganization();
        loadDemo(org, 8, 10);
        STATUS.set(500);
        ANSWER.set("{\"error\":{\"message\":\"overloaded\"}}");
        JsonNode failed = analyze(org);
        STATUS.set(200);
        ANSWER.set("{\"choices\":[]}");
        JsonNode garbage = analyze(org);

        for (JsonNode report : new JsonNode[] {failed, garbage}) {
            assertThat(report.get("method").asString()).isEqualTo("statistical");
            assertThat(report.get("narrative").isNull()).isTrue();
            assertThat(report.get("narrativeError").asString()).contains("statistical only");
            assertThat(report.get("insights").size()).isPositive();
        }
    }
}
