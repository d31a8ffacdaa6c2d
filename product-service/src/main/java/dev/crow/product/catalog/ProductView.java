package dev.crow.product.catalog;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A product as the API shows it; images point at the public image endpoint. */
public record ProductView(
        String id,
        String organizationId,
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
        List<Image> images,
        String source,
        String crawlerJobId,
        Instant createdAt,
        Instant updatedAt) {

    public record Image(String key, String url, String contentType, Integer width, Integer height) {

        static Image of(String key, String contentType, Integer width, Integer height) {
            return new Image(key, "/api/v1/products/images/" + key, contentType, width, height);
        }
    }
}
