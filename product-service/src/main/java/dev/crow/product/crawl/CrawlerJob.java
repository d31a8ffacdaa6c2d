package dev.crow.product.crawl;

import java.time.Instant;
import java.util.UUID;

/** A crawler job row. */
record CrawlerJob(
        UUID id,
        String organizationId,
        String sourceType,
        String sourceValue,
        CrawlerJobStatus status,
        double progress,
        int pagesFetched,
        int pagesDiscovered,
        int productsFound,
        int imagesStored,
        int errorCount,
        String failureReason,
        int attempts,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    boolean isSitemap() {
        return "sitemap".equals(sourceType);
    }
}
