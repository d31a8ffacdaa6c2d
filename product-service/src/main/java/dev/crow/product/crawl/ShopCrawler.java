package dev.crow.product.crawl;

import dev.crow.product.ProductProperties;
import dev.crow.product.fetch.FetchException;
import dev.crow.product.fetch.FetchOptions;
import dev.crow.product.fetch.FetchedResponse;
import dev.crow.product.fetch.Origin;
import dev.crow.product.fetch.SafeHttpFetcher;
import dev.crow.product.fetch.TargetUrl;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.stereotype.Component;

/**
 * One crawl of one shop: robots.txt first, then sitemaps and a breadth-first walk of same-site
 * links from the start page, within the page, depth and product limits. Every request goes
 * through the SSRF-safe fetcher; only the start origin can be exempted from the private-network
 * rule, and only when configuration says so.
 */
@Component
class ShopCrawler {

    private static final String HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
    private static final String XML_ACCEPT = "application/xml,text/xml;q=0.9,*/*;q=0.1";
    private static final Pattern NOT_A_PAGE = Pattern.compile(
            ".*\\.(jpe?g|png|gif|webp|svg|ico|css|js|pdf|zip|gz|mp4|mp3|woff2?|ttf|xml|json|txt)$");
    private static final int MAX_NESTED_SITEMAPS = 20;

    private final SafeHttpFetcher fetcher;
    private final CrawledProducts products;
    private final ProductProperties.Crawler limits;
    private final long maxPageBytes;
    private final String userAgent;

    ShopCrawler(SafeHttpFetcher fetcher, CrawledProducts products, ProductProperties properties) {
        this.fetcher = fetcher;
        this.products = products;
        this.limits = properties.crawler();
        this.maxPageBytes = properties.fetch().maxPageSize().toBytes();
        this.userAgent = properties.fetch().userAgent();
    }

    /** Crawls the job's shop; returns the final counters, or throws {@link CrawlFailed} when nothing could be read. */
    CrawlCounters crawl(CrawlerJob job, CrawlListener listener) {
        TargetUrl start;
        try {
            start = TargetUrl.parse(job.sourceValue());
        } catch (FetchException e) {
            throw new CrawlFailed("start URL rejected: " + e.getMessage());
        }
        Crawl crawl = new Crawl(job, start, listener);
        crawl.run();
        return crawl.counters();
    }

    /** Thrown when a crawl produced nothing because its start could not be fetched. */
    static final class CrawlFailed extends RuntimeException {
        CrawlFailed(String message) {
            super(message, null, false, false);
        }
    }

    private record Page(TargetUrl url, int depth) {
    }

    private final class Crawl {

        private final CrawlerJob job;
        private final TargetUrl start;
        private final CrawlListener listener;
        private final Origin privateOrigin;
        private final Deque<Page> frontier = new ArrayDeque<>();
        private final Set<String> seenPages = new HashSet<>();
        private final Set<String> seenProducts = new HashSet<>();
        private RobotsTxt robots = RobotsTxt.allowAll();
        private long lastFetchNanos;
        private int pagesFetched;
        private int pagesRead;
        private int productsFound;
        private int imagesStored;
        private String firstFailure;

        Crawl(CrawlerJob job, TargetUrl start, CrawlListener listener) {
            this.job = job;
            this.start = start;
            this.listener = listener;
            this.privateOrigin = limits.allowPrivateNetworks() ? start.origin() : null;
        }

        void run() {
            robots = readRobots();
            if (job.isSitemap()) {
                readSitemap(start, 0);
            } else {
                enqueue(start, 0);
                if (robots.sitemaps().isEmpty()) {
                    readSitemap(sameOrigin("/sitemap.xml"), 0, true);
                } else {
                    for (String sitemap : robots.sitemaps()) {
                        TargetUrl url = PageUrls.resolve(start, sitemap);
                        if (url != null) {
                            readSitemap(url, 0);
                        }
                    }
                }
            }
            while (!frontier.isEmpty() && pagesFetched < limits.maxPages() && productsFound < limits.maxProducts()) {
                Page page = frontier.poll();
                if (!robots.allows(page.url().pathAndQuery())) {
                    continue;
                }
                visit(page);
                report();
            }
            if (pagesRead == 0) {
                throw new CrawlFailed(firstFailure != null ? firstFailure : "no page could be crawled");
            }
        }

        private void visit(Page page) {
            FetchedResponse response = fetch(page.url(), HTML_ACCEPT);
            pagesFetched++;
            if (response == null) {
                return;
            }
            if (!response.isSuccess()) {
                fail(page.url().toString(), "answered HTTP " + response.status());
                return;
            }
            String type = response.mediaType();
            if (!type.isEmpty() && !type.equals("text/html") && !type.equals("application/xhtml+xml")) {
                return;
            }
            TargetUrl finalUrl = response.url();
            if (!sameSite(finalUrl)) {
                return;
            }
            seenPages.add(finalUrl.toString());
            pagesRead++;
            Document document = Jsoup.parse(response.text(), finalUrl.toString());
            String robotsMeta = robotsMeta(document);
            if (!robotsMeta.contains("noindex")) {
                for (ExtractedProduct product : ProductExtractor.extract(document, finalUrl)) {
                    save(product);
                }
            }
            if (page.depth() < limits.maxDepth() && !robotsMeta.contains("nofollow")) {
                for (Element link : document.select("a[href]")) {
                    if (!link.attr("rel").toLowerCase(Locale.ROOT).contains("nofollow")) {
                        TargetUrl url = PageUrls.resolve(finalUrl, link.attr("href"));
                        if (url != null) {
                            enqueue(url, page.depth() + 1);
                        }
                    }
                }
            }
        }

        private void save(ExtractedProduct product) {
            if (productsFound >= limits.maxProducts()) {
                return;
            }
            // The same product seen again on another page (listing, related items) is saved once per job.
            String key = product.sku() != null ? "sku:" + product.sku() : "url:" + product.url();
            if (!seenProducts.add(key)) {
                return;
            }
            CrawledProducts.Saved saved = products.save(job.organizationId(), job.id(), product, privateOrigin, listener);
            productsFound++;
            imagesStored += saved.imagesStored();
            report();
        }

        private RobotsTxt readRobots() {
            FetchedResponse response = fetch(sameOrigin("/robots.txt"), "text/plain,*/*;q=0.1");
            if (response == null) {
                return RobotsTxt.allowAll();
            }
            if (response.status() >= 500) {
                // RFC 9309: an unreachable robots.txt means the whole site is off limits for now.
                return RobotsTxt.disallowAll();
            }
            return response.isSuccess() ? RobotsTxt.parse(response.text(), userAgent) : RobotsTxt.allowAll();
        }

        private void readSitemap(TargetUrl url, int level) {
            readSitemap(url, level, false);
        }

        private void readSitemap(TargetUrl url, int level, boolean guessed) {
            if (url == null || level > 2 || !seenPages.add("sitemap:" + url)) {
                return;
            }
            FetchedResponse response = guessed ? fetchQuietly(url) : fetch(url, XML_ACCEPT);
            if (response == null || !response.isSuccess()) {
                if (response != null && !guessed) {
                    fail(url.toString(), "sitemap answered HTTP " + response.status());
                }
                return;
            }
            Sitemaps.Sitemap sitemap = Sitemaps.parse(response.body(), limits.maxSitemapUrls(), maxPageBytes);
            for (String page : sitemap.pages()) {
                TargetUrl pageUrl = PageUrls.resolve(url, page);
                if (pageUrl != null) {
                    enqueue(pageUrl, 0);
                }
            }
            int nested = 0;
            for (String child : sitemap.sitemaps()) {
                if (nested++ >= MAX_NESTED_SITEMAPS) {
                    break;
                }
                readSitemap(PageUrls.resolve(url, child), level + 1, false);
            }
        }

        private void enqueue(TargetUrl url, int depth) {
            String path = url.pathAndQuery().toLowerCase(Locale.ROOT);
            int q = path.indexOf('?');
            if (!sameSite(url) || NOT_A_PAGE.matcher(q < 0 ? path : path.substring(0, q)).matches()) {
                return;
            }
            if (seenPages.size() < limits.maxSitemapUrls() + limits.maxPages() && seenPages.add(url.toString())) {
                frontier.add(new Page(url, depth));
            }
        }

        private boolean sameSite(TargetUrl url) {
            return bare(url.host()).equals(bare(start.host())) && (url.port() == start.port()
                    || (url.port() == 80 || url.port() == 443) && (start.port() == 80 || start.port() == 443));
        }

        private TargetUrl sameOrigin(String path) {
            return new TargetUrl(start.scheme(), start.host(), start.port(), path, start.literal());
        }

        private FetchedResponse fetch(TargetUrl url, String accept) {
            pause();
            FetchOptions options = FetchOptions.of(maxPageBytes, accept);
            try {
                return fetcher.get(url, privateOrigin == null ? options : options.withPrivateOrigin(privateOrigin));
            } catch (FetchException e) {
                fail(url.toString(), e.getMessage());
                return null;
            } finally {
                lastFetchNanos = System.nanoTime();
                report();
            }
        }

        /** A guessed /sitemap.xml that is missing is normal and not an error of the job. */
        private FetchedResponse fetchQuietly(TargetUrl url) {
            pause();
            FetchOptions options = FetchOptions.of(maxPageBytes, XML_ACCEPT);
            try {
                return fetcher.get(url, privateOrigin == null ? options : options.withPrivateOrigin(privateOrigin));
            } catch (FetchException e) {
                return null;
            } finally {
                lastFetchNanos = System.nanoTime();
            }
        }

        private void fail(String url, String message) {
            if (firstFailure == null) {
                firstFailure = message;
            }
            listener.error(url, message);
        }

        /** Politeness between requests to the shop: the configured delay or the site's Crawl-delay, capped. */
        private void pause() {
            Duration delay = limits.politenessDelay();
            Duration crawlDelay = robots.crawlDelay().compareTo(limits.maxCrawlDelay()) > 0
                    ? limits.maxCrawlDelay() : robots.crawlDelay();
            if (crawlDelay.compareTo(delay) > 0) {
                delay = crawlDelay;
            }
            long waitNanos = lastFetchNanos + delay.toNanos() - System.nanoTime();
            if (lastFetchNanos == 0 || waitNanos <= 0) {
                return;
            }
            try {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CrawlStopped("worker interrupted");
            }
        }

        private void report() {
            if (Thread.currentThread().isInterrupted()) {
                throw new CrawlStopped("worker interrupted");
            }
            if (!listener.progress(counters())) {
                throw new CrawlStopped("job no longer running");
            }
        }

        CrawlCounters counters() {
            int planned = Math.min(limits.maxPages(), pagesFetched + frontier.size());
            double progress = planned == 0 ? 0 : Math.min(1.0, (double) pagesFetched / planned);
            return new CrawlCounters(pagesFetched, pagesFetched + frontier.size(), productsFound, imagesStored, progress);
        }
    }

    private static String bare(String host) {
        return host.startsWith("www.") ? host.substring(4) : host;
    }

    private static String robotsMeta(Document document) {
        StringBuilder directives = new StringBuilder();
        for (Element meta : document.select("meta[name~=(?i)^(robots|crowbot)$][content]")) {
            directives.append(meta.attr("content").toLowerCase(Locale.ROOT)).append(',');
        }
        return directives.toString();
    }
}
