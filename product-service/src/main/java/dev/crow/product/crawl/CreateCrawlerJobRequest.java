package dev.crow.product.crawl;

/**
 * Body of {@code POST /api/v1/products/crawler-jobs}. Only these two fields are read; anything
 * else in the body (an {@code organizationId}, limits, the private-network switch) is ignored.
 *
 * @param sourceType  {@code url} (a shop page to start from) or {@code sitemap} (a sitemap.xml)
 * @param sourceValue the absolute http(s) URL
 */
record CreateCrawlerJobRequest(String sourceType, String sourceValue) {
}
