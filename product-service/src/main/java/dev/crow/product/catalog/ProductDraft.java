package dev.crow.product.catalog;

import java.math.BigDecimal;
import java.util.List;

/** A product as a crawl found it, ready to be matched against the catalogue. */
public record ProductDraft(
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
        List<String> imageUrls,
        String markup) {

    public ProductDraft {
        categories = categories == null ? List.of() : List.copyOf(categories);
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    }
}
