package dev.crow.product.image;

import dev.crow.product.ProductProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Captions an image with a configured OpenAI-compatible vision model: one
 * {@code POST {base-url}/chat/completions} with the image inline as a {@code data:} URI. The
 * provider's answer is treated as untrusted input: bounded in time and size, and only the
 * message text is kept.
 */
@Component
class VisionCaptioner {

    /** A caption and the model that wrote it. */
    record Caption(String text, String model) {
    }

    private static final Logger log = LoggerFactory.getLogger(VisionCaptioner.class);
    private static final int MAX_RESPONSE_BYTES = 1 << 20;
    private static final int MAX_CAPTION_CHARS = 2_000;
    private static final String PROMPT = "Describe this product image for an online shop catalogue in two or three "
            + "sentences: what the product is, its colours, material and notable details. Do not invent brand names.";

    private final ProductProperties.Vision settings;
    private final ObjectMapper json;
    private final HttpClient http;

    VisionCaptioner(ProductProperties properties, ObjectMapper json) {
        this.settings = properties.vision();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    boolean configured() {
        return settings.configured();
    }

    String model() {
        return settings.model();
    }

    /** The caption, or empty when the provider failed or answered something unusable. */
    Optional<Caption> caption(byte[] image, String contentType) {
        if (!configured()) {
            return Optional.empty();
        }
        String dataUri = "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(image);
        Map<String, Object> body = Map.of(
                "model", settings.model(),
                "max_tokens", 300,
                "messages", List.of(Map.of("role", "user", "content", List.of(
                        Map.of("type", "text", "text", PROMPT),
                        Map.of("type", "image_url", "image_url", Map.of("url", dataUri))))));
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint())
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            byte[] bytes;
            try (InputStream in = response.body()) {
                bytes = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
            if (response.statusCode() != 200 || bytes.length > MAX_RESPONSE_BYTES) {
                log.warn("vision provider answered HTTP {} ({} bytes)", response.statusCode(), bytes.length);
                return Optional.empty();
            }
            return text(json.readTree(bytes)).map(text -> new Caption(text, settings.model()));
        } catch (IOException | JacksonException e) {
            log.warn("vision provider call failed: {}", e.getClass().getSimpleName());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private URI endpoint() {
        String base = settings.baseUrl().strip();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/chat/completions");
    }

    /** {@code choices[0].message.content}, a string or a list of text parts. */
    private static Optional<String> text(JsonNode root) {
        JsonNode content = root.path("choices").path(0).path("message").path("content");
        StringBuilder text = new StringBuilder();
        if (content.isString()) {
            text.append(content.asString());
        } else if (content.isArray()) {
            for (JsonNode part : content.values()) {
                if (part.path("text").isString()) {
                    text.append(part.path("text").asString());
                }
            }
        }
        String caption = text.toString().strip();
        if (caption.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(caption.length() > MAX_CAPTION_CHARS ? caption.substring(0, MAX_CAPTION_CHARS) : caption);
    }
}
