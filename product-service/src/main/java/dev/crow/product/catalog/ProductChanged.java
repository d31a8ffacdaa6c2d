package dev.crow.product.catalog;

import java.util.UUID;

/** Published after a product was created or its content changed, so derived data (embeddings) can follow. */
public record ProductChanged(String organizationId, UUID productId) {
}
