package dev.crow.product.crawl;

import dev.crow.product.fetch.TargetUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** schema.org products in HTML microdata ({@code itemscope}/{@code itemprop}), nested offers and brands included. */
final class MicrodataReader {

    private MicrodataReader() {
    }

    static List<ExtractedProduct> read(Document document, TargetUrl page, TargetUrl canonical) {
        List<ExtractedProduct> products = new ArrayList<>();
        for (Element scope : document.select("[itemscope][itemtype]")) {
            if (!isType(scope, "product") || nestedInProduct(scope)) {
                continue;
            }
            Map<String, List<Element>> props = properties(scope);
            String name = Values.text(value(first(props, "name"), page), 500);
            if (name == null) {
                continue;
            }
            Element offerElement = first(props, "offers");
            Map<String, List<Element>> offer = offerElement != null && offerElement.hasAttr("itemscope")
                    ? properties(offerElement) : props;
            String price = value(first(offer, "price"), page);
            if (price == null && offerElement != null && isType(offerElement, "aggregateoffer")) {
                price = value(first(offer, "lowPrice"), page);
            }
            Element brandElement = first(props, "brand");
            String brand = brandElement != null && brandElement.hasAttr("itemscope")
                    ? value(first(properties(brandElement), "name"), page) : value(brandElement, page);
            String url = value(first(props, "url"), page);
            List<String> images = new ArrayList<>();
            for (Element image : props.getOrDefault("image", List.of())) {
                String src = value(image, page);
                if (src != null) {
                    images.add(src);
                }
            }
            List<String> categories = new ArrayList<>();
            for (Element category : props.getOrDefault("category", List.of())) {
                categories.add(value(category, page));
            }
            String gtin = null;
            for (String field : List.of("gtin13", "gtin", "gtin14", "gtin12", "gtin8")) {
                gtin = gtin != null ? gtin : Values.gtin(value(first(props, field), page));
            }
            products.add(new ExtractedProduct(
                    name,
                    Values.text(value(first(props, "description"), page), 10_000),
                    Values.price(price),
                    Values.currency(value(first(offer, "priceCurrency"), page)),
                    Values.availability(value(first(offer, "availability"), page)),
                    Values.text(brand, 200),
                    Values.identifier(value(first(props, "sku"), page)),
                    gtin,
                    Values.categories(categories),
                    url != null && PageUrls.absolute(page, url) != null ? PageUrls.absolute(page, url) : canonical.toString(),
                    PageUrls.absoluteAll(page, images, 20),
                    "microdata"));
        }
        return products;
    }

    private static boolean isType(Element element, String type) {
        for (String itemType : element.attr("itemtype").toLowerCase(Locale.ROOT).split("\\s+")) {
            if (itemType.substring(itemType.lastIndexOf('/') + 1).equals(type)) {
                return true;
            }
        }
        return false;
    }

    /** A product inside another product's scope (an accessory, a variant) is not a page product. */
    private static boolean nestedInProduct(Element scope) {
        for (Element parent = scope.parent(); parent != null; parent = parent.parent()) {
            if (parent.hasAttr("itemscope") && isType(parent, "product")) {
                return true;
            }
        }
        return false;
    }

    /** The itemprops belonging to this scope: descendants not inside a nested itemscope. */
    private static Map<String, List<Element>> properties(Element scope) {
        Map<String, List<Element>> props = new LinkedHashMap<>();
        collect(scope, props);
        return props;
    }

    private static void collect(Element parent, Map<String, List<Element>> props) {
        for (Element child : parent.children()) {
            if (child.hasAttr("itemprop")) {
                for (String name : child.attr("itemprop").strip().split("\\s+")) {
                    props.computeIfAbsent(name, k -> new ArrayList<>()).add(child);
                }
            }
            if (!child.hasAttr("itemscope")) {
                collect(child, props);
            }
        }
    }

    private static Element first(Map<String, List<Element>> props, String name) {
        List<Element> values = props.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The microdata value of an element: content, href, src, value, datetime or text. */
    private static String value(Element element, TargetUrl page) {
        if (element == null) {
            return null;
        }
        if (element.hasAttr("content")) {
            return element.attr("content");
        }
        return switch (element.normalName()) {
            case "a", "link", "area" -> element.attr("href");
            case "img", "source", "audio", "video", "embed", "iframe" -> element.hasAttr("src")
                    ? element.attr("src") : element.attr("data-src");
            case "data", "meter" -> element.attr("value");
            case "time" -> element.hasAttr("datetime") ? element.attr("datetime") : element.text();
            default -> element.text();
        };
    }
}
