package dev.crow.product;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything product-service can be configured with ({@code crow.product.*}). Defaults are safe
 * for production: private networks are unreachable, limits are finite, no provider is called.
 */
@ConfigurationProperties("crow.product")
public record ProductProperties(
        @DefaultValue Crawler crawler,
        @DefaultValue Fetch fetch,
        @DefaultValue Images images,
        @DefaultValue Search search,
        @DefaultValue Vision vision) {

    /**
     * @param allowPrivateNetworks lets a crawl reach its own start origin when that origin is on a
     *                             private or loopback network (fixture shops in tests, on-premises
     *                             shops); every other origin, redirects included, stays checked.
     *                             Only configuration can set it, never a request.
     */
    public record Crawler(
            @DefaultValue("200") int maxPages,
            @DefaultValue("3") int maxDepth,
            @DefaultValue("2") int workers,
            @DefaultValue("2") int maxRunningPerOrganization,
            @DefaultValue("20") int maxQueuedPerOrganization,
            @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("2m") Duration heartbeatStaleAfter,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("250ms") Duration politenessDelay,
            @DefaultValue("5s") Duration maxCrawlDelay,
            @DefaultValue("1000") int maxProducts,
            @DefaultValue("5") int maxImagesPerProduct,
            @DefaultValue("5000") int maxSitemapUrls,
            @DefaultValue("false") boolean allowPrivateNetworks) {
    }

    /** Limits of every outbound fetch (pages, robots.txt, sitemaps, images). */
    public record Fetch(
            @DefaultValue("5s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("20s") Duration deadline,
            @DefaultValue("5MB") DataSize maxPageSize,
            @DefaultValue("5") int maxRedirects,
            @DefaultValue("80,443") List<Integer> allowedPorts,
            @DefaultValue List<String> blockedHosts,
            @DefaultValue("CrowBot/1.0 (+https://crowai.dev/bot)") String userAgent) {
    }

    /** Limits of downloaded product images (where they are stored is {@code crow.platform.storage.*}). */
    public record Images(
            @DefaultValue("5MB") DataSize maxSize,
            @DefaultValue("40000000") long maxPixels) {
    }

    public record Search(
            @DefaultValue("true") boolean embeddingsEnabled,
            @DefaultValue("20s") Duration modelWait,
            @DefaultValue("32") int embeddingBatchSize,
            @DefaultValue("2s") Duration embeddingPollInterval,
            @DefaultValue("5s") Duration indexRefreshInterval) {
    }

    /** An OpenAI-compatible vision provider; captions are generated only when base URL and model are set. */
    public record Vision(String baseUrl, String model, String apiKey, @DefaultValue("30s") Duration timeout) {

        public boolean configured() {
            return baseUrl != null && !baseUrl.isBlank() && model != null && !model.isBlank();
        }
    }
}
