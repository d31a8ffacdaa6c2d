package dev.crow.interaction;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * interaction-service configuration (prefix {@code crow.interaction}).
 *
 * @param ingest   limits of {@code POST /api/v1/interactions}
 * @param analysis thresholds of the statistical analysis
 * @param llm      an optional OpenAI-compatible provider for analysis narratives
 * @param export   the internal NDJSON export
 */
@ConfigurationProperties("crow.interaction")
public record InteractionProperties(
        @DefaultValue Ingest ingest,
        @DefaultValue Analysis analysis,
        @DefaultValue Llm llm,
        @DefaultValue Export export) {

    /**
     * @param maxBatch      most interactions in one request
     * @param maxBody       largest request body
     * @param maxMetadata   largest {@code metadata} object, serialized
     * @param maxFutureSkew how far in the future {@code occurredAt} may lie (client clocks drift)
     */
    public record Ingest(
            @DefaultValue("1000") int maxBatch,
            @DefaultValue("8MB") DataSize maxBody,
            @DefaultValue("4KB") DataSize maxMetadata,
            @DefaultValue("5m") Duration maxFutureSkew) {
    }

    /**
     * @param defaultWindow                 window analyzed when the request names none (ending now)
     * @param maxWindow                     longest window one analysis may cover
     * @param anomalyThreshold              modified z-score above which a count is anomalous
     * @param dailyMinRelativeDeviation     a daily anomaly must also differ from the median by this fraction
     * @param hourlyMinRelativeDeviation    the same guard for hourly counts, which are noisier
     * @param hourlyFamilyError             chance of any false hourly anomaly in one analysis (Bonferroni)
     * @param topN                          how many top pages, products and cameras are listed
     */
    public record Analysis(
            @DefaultValue("30d") Duration defaultWindow,
            @DefaultValue("366d") Duration maxWindow,
            @DefaultValue("3.5") double anomalyThreshold,
            @DefaultValue("0.25") double dailyMinRelativeDeviation,
            @DefaultValue("0.5") double hourlyMinRelativeDeviation,
            @DefaultValue("0.001") double hourlyFamilyError,
            @DefaultValue("5") int topN) {
    }

    /**
     * @param baseUrl base URL of an OpenAI-compatible API (e.g. {@code https://api.openai.com/v1}); unset = offline
     * @param model   the chat model to ask
     * @param apiKey  the provider's key, sent as a bearer token; never logged
     * @param timeout how long one narrative may take
     */
    public record Llm(URI baseUrl, String model, String apiKey, @DefaultValue("30s") Duration timeout) {

        public boolean configured() {
            return baseUrl != null && model != null && !model.isBlank();
        }

        @Override
        public String toString() {
            return "Llm[baseUrl=" + baseUrl + ", model=" + model + ", apiKey=" + (apiKey == null ? "unset" : "***") + "]";
        }
    }

    /** @param fetchSize rows fetched per round trip by the streaming export's cursor */
    public record Export(@DefaultValue("2000") int fetchSize) {
    }
}
