package dev.crow.interaction.analysis;

import dev.crow.interaction.InteractionProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks an OpenAI-compatible chat completions API ({@code crow.interaction.llm.*}) to narrate the
 * facts of a statistical report. Without a provider the report stays {@code statistical}; a
 * provider that fails, stalls or answers garbage leaves it statistical too, with a note saying so.
 */
@Component
class NarrativeWriter {

    private static final Logger log = LoggerFactory.getLogger(NarrativeWriter.class);
    /** Narratives are a few hundred words; anything far larger is not an answer we asked for. */
    private static final int MAX_RESPONSE_BYTES = 256 * 1024;
    private static final String INSTRUCTIONS = "You are CROW's analyst. Write a concise narrative (at most 200 words) "
            + "for the business owner from the JSON facts you are given: what happened, what stands out, and what to do. "
            + "Use only these facts and quote their numbers exactly; do not invent causes, data or figures.";

    private final InteractionProperties.Llm settings;
    private final JsonMapper json;
    private final HttpClient http;

    NarrativeWriter(InteractionProperties properties, JsonMapper json) {
        this.settings = properties.llm();
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    AnalysisReport narrate(AnalysisReport report) {
        if (!settings.configured()) {
            return report;
        }
        try {
            String narrative = complete(facts(report));
            return report.withNarrative(AnalysisReport.LLM, settings.model(), narrative, null);
        } catch (NarrativeUnavailable e) {
            log.warn("analysis narrative unavailable: {}", e.getMessage());
            return report.withNarrative(AnalysisReport.STATISTICAL, null, null,
                    "The language model provider gave no usable answer; this analysis is statistical only");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return report;
        }
    }

    private String facts(AnalysisReport report) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("from", report.from());
        facts.put("to", report.to());
        facts.put("summary", report.summary());
        facts.put("insights", report.insights());
        facts.put("anomalies", report.anomalies());
        facts.put("recommendations", report.recommendations());
        return json.writeValueAsString(facts);
    }

    private String complete(String facts) throws InterruptedException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("model", settings.model());
        body.put("temperature", 0.2);
        body.put("messages", List.of(Map.of("role", "system", "content", INSTRUCTIONS),
                Map.of("role", "user", "content", facts)));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
                if (response.statusCode() != 200) {
                    throw new NarrativeUnavailable("provider answered HTTP " + response.statusCode());
                }
                if (bytes.length > MAX_RESPONSE_BYTES) {
                    throw new NarrativeUnavailable("provider answer too large");
                }
                return content(json.readTree(bytes));
            }
        } catch (IOException | JacksonException e) {
            throw new NarrativeUnavailable(e.getClass().getSimpleName());
        }
    }

    private URI endpoint() {
        String base = settings.baseUrl().toString();
        return URI.create(base.endsWith("/") ? base + "chat/completions" : base + "/chat/completions");
    }

    private static String content(JsonNode answer) {
        JsonNode content = answer.path("choices").path(0).path("message").path("content");
        if (!content.isString() || content.stringValue().isBlank()) {
            throw new NarrativeUnavailable("provider answer has no message content");
        }
        return content.stringValue().trim();
    }

    private static final class NarrativeUnavailable extends RuntimeException {

        NarrativeUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
