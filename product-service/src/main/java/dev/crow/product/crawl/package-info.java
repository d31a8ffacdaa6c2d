/**
 * Crawler jobs: the DB-backed job queue and its worker pool, the polite same-site crawl
 * (robots.txt, sitemaps, limits) and product extraction from JSON-LD, microdata and OpenGraph.
 */
package dev.crow.product.crawl;
