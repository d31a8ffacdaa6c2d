package dev.crow.product.crawl;

import dev.crow.product.fetch.TargetUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * OpenGraph product tags ({@code og:type=product}, {@code product:price:amount} …). The weakest
 * source: used alone only when a page has no structured product, else to fill gaps.
 */
final class OpenGraphReader {

    private OpenGraphReader() {
    }

    static ExtractedProduct read(Document document, TargetUrl page, TargetUrl canonical) {
        String type = meta(document, "og:type");
        String amount = firstNonNull(meta(document, "product:price:amount"), meta(document, "og:price:amount"));
        boolean isProduct = type != null && type.toLowerCase(Locale.ROOT).contains("product");
        if (!isProduct && amount == null) {
            return null;
        }
        ExtractedProduct product = pageFacts(document, page, canonical);
        return product.name() == null ? null : product;
    }

    /** What OpenGraph says about the page whatever its type: used to fill gaps of a structured product. */
    static ExtractedProduct pageFacts(Document document, TargetUrl page, TargetUrl canonical) {
        String amount = firstNonNull(meta(document, "product:price:amount"), meta(document, "og:price:amount"));
        String name = Values.text(meta(document, "og:title"), 500);
        List<String> images = new ArrayList<>();
        for (Element element : document.select("meta[property=og:image], meta[property=og:image:url], "
                + "meta[property=og:image:secure_url]")) {
            images.add(element.attr("content"));
        }
        List<String> categories = new ArrayList<>();
        for (Element element : document.select("meta[property=product:category], meta[property=article:section]")) {
            categories.add(element.attr("content"));
        }
        String url = meta(document, "og:url");
        String absoluteUrl = url == null ? null : PageUrls.absolute(page, url);
        return new ExtractedProduct(
                name,
                Values.text(meta(document, "og:description"), 10_000),
                Values.price(amount),
                Values.currency(firstNonNull(meta(document, "product:price:currency"), meta(document, "og:price:currency"))),
                Values.availability(firstNonNull(meta(document, "product:availability"), meta(document, "og:availability"))),
                Values.text(meta(document, "product:brand"), 200),
                Values.identifier(meta(document, "product:retailer_item_id")),
                Values.gtin(firstNonNull(meta(document, "product:ean"), meta(document, "product:upc"))),
                Values.categories(categories),
                absoluteUrl != null && absoluteUrl.startsWith(canonical.scheme()) ? absoluteUrl : canonical.toString(),
                PageUrls.absoluteAll(page, images, 20),
                "opengraph");
    }

    private static String meta(Document document, String property) {
        Element element = document.selectFirst("meta[property=" + property + "][content], meta[name=" + property + "][content]");
        if (element == null) {
            return null;
        }
        String content = element.attr("content").strip();
        return content.isEmpty() ? null : content;
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
