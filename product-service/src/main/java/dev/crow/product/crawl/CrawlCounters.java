package dev.crow.product.crawl;

/** Where a running crawl stands; written to the job row with every heartbeat. */
record CrawlCounters(int pagesFetched, int pagesDiscovered, int productsFound, int imagesStored, double progress) {
}
