package dev.crow.product.crawl;

import dev.crow.product.fetch.TargetUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Finds the products a page describes. JSON-LD is preferred, microdata next; OpenGraph describes
 * the page's own product, so it fills gaps of a single structured product or stands alone when
 * there is none. Products are deduplicated within the page by SKU, else by URL and name.
 */
final class ProductExtractor {

    private ProductExtractor() {
    }

    static List<ExtractedProduct> extract(String html, TargetUrl page) {
        return extract(Jsoup.parse(html, page.toString()), page);
    }

    static List<ExtractedProduct> extract(Document document, TargetUrl page) {
        TargetUrl canonical = PageUrls.canonical(document, page);
        List<ExtractedProduct> found = new ArrayList<>(JsonLdReader.read(document, page, canonical));
        found.addAll(MicrodataReader.read(document, page, canonical));
        ExtractedProduct openGraph = OpenGraphReader.read(document, page, canonical);
        List<ExtractedProduct> unique = deduplicate(found);
        if (unique.isEmpty() && openGraph != null) {
            unique.add(openGraph);
        } else if (unique.size() == 1) {
            ExtractedProduct facts = openGraph != null ? openGraph : OpenGraphReader.pageFacts(document, page, canonical);
            unique.set(0, unique.get(0).fillFrom(facts));
        }
        return unique;
    }

    private static List<ExtractedProduct> deduplicate(List<ExtractedProduct> products) {
        Map<String, ExtractedProduct> byKey = new LinkedHashMap<>();
        for (ExtractedProduct product : products) {
            String key = product.sku() != null ? "sku:" + product.sku() : "url:" + product.url() + "#" + product.name();
            byKey.merge(key, product, ExtractedProduct::fillFrom);
        }
        return new ArrayList<>(byKey.values());
    }
}
