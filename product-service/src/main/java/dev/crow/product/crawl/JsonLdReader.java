package dev.crow.product.crawl;

import dev.crow.product.fetch.TargetUrl;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.core.JacksonException;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * schema.org products in JSON-LD: single objects, arrays, {@code @graph}, products nested in
 * pages or item lists, {@code ProductGroup} variants; offers as Offer, arrays of offers or
 * AggregateOffer. Shops publish JSON-LD with trailing commas, comments and raw newlines inside
 * strings, so the parser is lenient about exactly those.
 */
final class JsonLdReader {

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            .build();
    private static final int MAX_DEPTH = 12;

    private JsonLdReader() {
    }

    static List<ExtractedProduct> read(Document document, TargetUrl page, TargetUrl canonical) {
        List<ExtractedProduct> products = new ArrayList<>();
        for (Element script : document.select("script[type~=(?i)application/ld\\+json]")) {
            String json = script.data().strip();
            if (json.startsWith("<!--")) {
                json = json.substring(4);
            }
            if (json.endsWith("-->")) {
                json = json.substring(0, json.length() - 3);
            }
            JsonNode root;
            try {
                root = LENIENT.readTree(json.strip());
            } catch (JacksonException e) {
                continue;
            }
            collect(root, page, canonical, products, 0, null);
        }
        return products;
    }

    private static void collect(JsonNode node, TargetUrl page, TargetUrl canonical, List<ExtractedProduct> out,
            int depth, JsonNode group) {
        if (node == null || depth > MAX_DEPTH) {
            return;
        }
        if (node.isArray()) {
            for (JsonNode item : node.values()) {
                collect(item, page, canonical, out, depth + 1, group);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (hasType(node, "productgroup")) {
            JsonNode variants = node.get("hasVariant");
            if (variants != null && !variants.isEmpty()) {
                collect(variants, page, canonical, out, depth + 1, node);
                return;
            }
        }
        if (hasType(node, "product") || hasType(node, "productmodel") || hasType(node, "individualproduct")
                || hasType(node, "productgroup")) {
            ExtractedProduct product = product(node, group, page, canonical);
            if (product != null) {
                out.add(product);
            }
            return;
        }
        for (var property : node.properties()) {
            if (!property.getKey().equals("@context")) {
                collect(property.getValue(), page, canonical, out, depth + 1, group);
            }
        }
    }

    private static ExtractedProduct product(JsonNode node, JsonNode group, TargetUrl page, TargetUrl canonical) {
        String name = Values.text(first(node, group, "name"), 500);
        if (name == null) {
            return null;
        }
        Offer offer = offer(node.get("offers"));
        if (offer.price == null && group != null) {
            offer = offer(group.get("offers"));
        }
        String url = first(node, null, "url");
        String absoluteUrl = url == null ? null : PageUrls.absolute(page, url);
        List<String> categories = new ArrayList<>(strings(node.get("category")));
        if (categories.isEmpty() && group != null) {
            categories.addAll(strings(group.get("category")));
        }
        List<String> images = new ArrayList<>(imageUrls(node.get("image")));
        if (images.isEmpty() && group != null) {
            images.addAll(imageUrls(group.get("image")));
        }
        String gtin = null;
        for (String field : List.of("gtin13", "gtin", "gtin14", "gtin12", "gtin8")) {
            gtin = gtin != null ? gtin : Values.gtin(text(node.get(field)));
        }
        return new ExtractedProduct(
                name,
                Values.text(first(node, group, "description"), 10_000),
                offer.price,
                offer.currency,
                offer.availability,
                Values.text(brand(node.has("brand") ? node.get("brand") : group == null ? null : group.get("brand")), 200),
                Values.identifier(text(node.get("sku"))),
                gtin,
                Values.categories(categories),
                absoluteUrl != null ? absoluteUrl : canonical.toString(),
                PageUrls.absoluteAll(page, images, 20),
                "json-ld");
    }

    private record Offer(BigDecimal price, String currency, String availability) {
    }

    private static Offer offer(JsonNode offers) {
        if (offers == null || offers.isNull()) {
            return new Offer(null, null, null);
        }
        if (offers.isArray()) {
            // Several offers (sizes, sellers): the lowest price is what a shopper sees first.
            Offer best = null;
            for (JsonNode item : offers.values()) {
                Offer candidate = offer(item);
                boolean cheaper = candidate.price != null
                        && (best == null || best.price == null || candidate.price.compareTo(best.price) < 0);
                if (cheaper || best == null) {
                    best = candidate;
                }
            }
            return best == null ? new Offer(null, null, null) : best;
        }
        if (!offers.isObject()) {
            return new Offer(null, null, null);
        }
        String availability = Values.availability(text(offers.get("availability")));
        String currency = Values.currency(text(offers.get("priceCurrency")));
        BigDecimal price = Values.price(text(offers.get("price")));
        if (price == null && hasType(offers, "aggregateoffer")) {
            price = Values.price(text(offers.get("lowPrice")));
            if (price == null) {
                Offer nested = offer(offers.get("offers"));
                price = nested.price;
                currency = currency != null ? currency : nested.currency;
                availability = availability != null ? availability : nested.availability;
            }
        }
        JsonNode specification = offers.get("priceSpecification");
        if (price == null && specification != null) {
            JsonNode spec = specification.isArray() && !specification.isEmpty() ? specification.get(0) : specification;
            price = Values.price(text(spec.get("price")));
            currency = currency != null ? currency : Values.currency(text(spec.get("priceCurrency")));
        }
        return new Offer(price, currency, availability);
    }

    private static boolean hasType(JsonNode node, String type) {
        JsonNode types = node.get("@type");
        if (types == null) {
            return false;
        }
        for (String value : strings(types)) {
            String lower = value.toLowerCase(Locale.ROOT);
            String local = lower.substring(Math.max(lower.lastIndexOf('/'), lower.lastIndexOf(':')) + 1);
            if (local.equals(type)) {
                return true;
            }
        }
        return false;
    }

    private static String first(JsonNode node, JsonNode fallback, String field) {
        String value = text(node.get(field));
        return value == null && fallback != null ? text(fallback.get(field)) : value;
    }

    /** A scalar as text; for arrays their first scalar; for objects their name, @value or url. */
    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isNumber() || node.isBoolean()) {
            return node.asString();
        }
        if (node.isArray()) {
            for (JsonNode item : node.values()) {
                String value = text(item);
                if (value != null) {
                    return value;
                }
            }
            return null;
        }
        for (String field : List.of("@value", "name", "url", "@id")) {
            if (node.has(field) && !node.get(field).isObject()) {
                return text(node.get(field));
            }
        }
        return null;
    }

    private static String brand(JsonNode node) {
        return text(node);
    }

    private static List<String> strings(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            for (JsonNode item : node.values()) {
                String value = text(item);
                if (value != null) {
                    out.add(value);
                }
            }
        } else {
            String value = text(node);
            if (value != null) {
                out.add(value);
            }
        }
        return out;
    }

    private static List<String> imageUrls(JsonNode node) {
        List<String> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        if (node.isArray()) {
            for (JsonNode item : node.values()) {
                out.addAll(imageUrls(item));
            }
        } else if (node.isString()) {
            out.add(node.asString());
        } else if (node.isObject()) {
            String url = text(node.has("contentUrl") ? node.get("contentUrl") : node.get("url"));
            if (url != null) {
                out.add(url);
            }
        }
        return out;
    }
}
