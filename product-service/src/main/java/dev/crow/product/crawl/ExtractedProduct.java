package dev.crow.product.crawl;

import java.math.BigDecimal;
import java.util.List;

/**
 * A product as found on a page, before it is matched against the catalogue.
 *
 * @param url    the product's canonical URL (absolute, no fragment, no tracking parameters)
 * @param images absolute image URLs as the page declares them, not yet downloaded
 * @param markup where it came from: {@code json-ld}, {@code microdata} or {@code opengraph}
 */
record ExtractedProduct(
        String name,
        String description,
        BigDecimal price,
        String currency,
        String availability,
        String brand,
        String sku,
        String gtin,
        List<String> categories,
        String url,
        List<String> images,
        String markup) {

    ExtractedProduct {
        categories = categories == null ? List.of() : List.copyOf(categories);
        images = images == null ? List.of() : List.copyOf(images);
    }

    /** The same product with gaps filled from another source describing it (e.g. OpenGraph). */
    ExtractedProduct fillFrom(ExtractedProduct other) {
        return new ExtractedProduct(
                name != null ? name : other.name,
                description != null ? description : other.description,
                price != null ? price : other.price,
                currency != null ? currency : other.currency,
                availability != null ? availability : other.availability,
                brand != null ? brand : other.brand,
                sku != null ? sku : other.sku,
                gtin != null ? gtin : other.gtin,
                categories.isEmpty() ? other.categories : categories,
                url != null ? url : other.url,
                images.isEmpty() ? other.images : images,
                markup);
    }
}
