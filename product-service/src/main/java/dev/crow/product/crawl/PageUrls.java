package dev.crow.product.crawl;

import dev.crow.product.fetch.FetchException;
import dev.crow.product.fetch.TargetUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Absolute and canonical URLs for links, products and images found on a page. */
final class PageUrls {

    private PageUrls() {
    }

    /** The URL resolved against the page, or {@code null} if it is not a fetchable http(s) URL. */
    static TargetUrl resolve(TargetUrl page, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String ref = href.strip();
        String lower = ref.toLowerCase(Locale.ROOT);
        if (lower.startsWith("javascript:") || lower.startsWith("mailto:") || lower.startsWith("tel:")
                || lower.startsWith("data:") || lower.startsWith("#")) {
            return null;
        }
        try {
            return withoutTracking(page.resolve(ref));
        } catch (FetchException e) {
            return null;
        }
    }

    static String absolute(TargetUrl page, String href) {
        TargetUrl url = resolve(page, href);
        return url == null ? null : url.toString();
    }

    /** The page's declared canonical URL when it is on the same host, else the page URL itself. */
    static TargetUrl canonical(Document document, TargetUrl page) {
        Element link = document.selectFirst("link[rel~=(?i)canonical][href]");
        if (link != null) {
            TargetUrl canonical = resolve(page, link.attr("href"));
            if (canonical != null && canonical.host().equals(page.host())) {
                return canonical;
            }
        }
        return withoutTracking(page);
    }

    /** Drops utm_*, gclid, fbclid and friends so the same product is one URL. */
    static TargetUrl withoutTracking(TargetUrl url) {
        String pathAndQuery = url.pathAndQuery();
        int q = pathAndQuery.indexOf('?');
        if (q < 0) {
            return url;
        }
        List<String> kept = new ArrayList<>();
        for (String param : pathAndQuery.substring(q + 1).split("&")) {
            String name = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (param.isEmpty() || name.startsWith("utm_") || name.equals("gclid") || name.equals("fbclid")
                    || name.equals("mc_cid") || name.equals("mc_eid") || name.equals("ref")) {
                continue;
            }
            kept.add(param);
        }
        String path = pathAndQuery.substring(0, q);
        String rebuilt = kept.isEmpty() ? path : path + "?" + String.join("&", kept);
        return new TargetUrl(url.scheme(), url.host(), url.port(), rebuilt, url.literal());
    }

    static List<String> absoluteAll(TargetUrl page, List<String> hrefs, int max) {
        List<String> out = new ArrayList<>();
        for (String href : hrefs) {
            String url = absolute(page, href);
            if (url != null && !out.contains(url)) {
                out.add(url);
            }
            if (out.size() >= max) {
                break;
            }
        }
        return out;
    }
}
