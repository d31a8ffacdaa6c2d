package dev.crow.product.crawl;

/** How a running crawl reports back to the job it belongs to. */
interface CrawlListener {

    /** Records progress; false tells the crawl to stop (the job was cancelled or taken over). */
    boolean progress(CrawlCounters counters);

    void error(String url, String message);
}
