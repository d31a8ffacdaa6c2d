package dev.crow.pattern.source;

import dev.crow.platform.client.InternalServices;
import dev.crow.platform.config.CrowPlatformProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * interaction-service as pattern-service sees it, through its internal API only (never its
 * schema): {@code crow.platform.services.interactions} plus the service key. The export is read
 * with a plain JDK client because it streams for as long as a large organization takes, while the
 * platform's clients bound a whole exchange by a read timeout.
 */
@Component
public class InteractionSource {

    private static final String SERVICE = "interactions";

    private final InternalServices services;
    private final CrowPlatformProperties platform;
    private final HttpClient http;

    InteractionSource(InternalServices services, CrowPlatformProperties platform) {
        this.services = services;
        this.platform = platform;
        // fail at startup, not at the first job, when the base URL is missing
        platform.service(SERVICE);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Streams the organization's interactions in {@code [from, to)}, oldest first, to {@code reader}. */
    public <T> T export(String organizationId, Instant from, Instant to, Function<InputStream, T> reader) {
        URI uri = URI.create(platform.service(SERVICE) + "/internal/interactions/export?organizationId="
                + encode(organizationId) + "&from=" + encode(from.toString()) + "&to=" + encode(to.toString()));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header(InternalServices.SERVICE_KEY_HEADER, platform.serviceKey())
                .header("Accept", "application/x-ndjson")
                .GET()
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    throw new UpstreamUnavailableException("interaction export answered HTTP " + response.statusCode());
                }
                return reader.apply(body);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new UpstreamUnavailableException("interaction export failed: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamUnavailableException("interaction export interrupted");
        }
    }

    /** Organizations with interactions since {@code since}, for the periodic runs. */
    public List<String> organizationsWithData(Instant since) {
        try {
            OrganizationIds ids = services.service(SERVICE).get()
                    .uri("/internal/interactions/organizations?since={since}", since.toString())
                    .retrieve()
                    .body(OrganizationIds.class);
            return ids == null || ids.organizationIds() == null ? List.of() : ids.organizationIds();
        } catch (RestClientException e) {
            throw new UpstreamUnavailableException("interaction organizations failed: " + e.getClass().getSimpleName());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    record OrganizationIds(List<String> organizationIds) {
    }
}
