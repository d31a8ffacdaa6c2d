package dev.crow.product.crawl;

/** Ends a crawl early: the job was cancelled, taken over, or the worker is shutting down. */
final class CrawlStopped extends RuntimeException {

    CrawlStopped(String reason) {
        super(reason, null, false, false);
    }
}
