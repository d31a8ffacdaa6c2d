package dev.crow.product.crawl;

import java.time.Instant;
import java.util.List;

/** A crawler job as the API shows it. */
record CrawlerJobView(
        String id,
        String organizationId,
        String sourceType,
        String sourceValue,
        String status,
        double progress,
        int pagesFetched,
        int pagesDiscovered,
        int productsFound,
        int imagesStored,
        int errorCount,
        List<CrawlError> errors,
        String failureReason,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) {

    record CrawlError(String url, String message, Instant occurredAt) {
    }

    static CrawlerJobView of(CrawlerJob job, List<CrawlError> errors) {
        return new CrawlerJobView(job.id().toString(), job.organizationId(), job.sourceType(), job.sourceValue(),
                job.status().wire(), Math.round(job.progress() * 1000) / 1000.0, job.pagesFetched(),
                job.pagesDiscovered(), job.productsFound(), job.imagesStored(), job.errorCount(), List.copyOf(errors),
                job.failureReason(), job.createdAt(), job.startedAt(), job.finishedAt());
    }
}
