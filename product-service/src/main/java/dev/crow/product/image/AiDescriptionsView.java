package dev.crow.product.image;

import java.time.Instant;
import java.util.List;

/**
 * The AI descriptions of a product's images.
 *
 * @param source {@code vision-model} when every image was captioned by the configured vision
 *               model, else {@code offline-features} (measured image features, no caption)
 */
record AiDescriptionsView(String productId, String source, List<ImageDescription> data) {

    /**
     * @param caption text written by the vision model; {@code null} for offline features
     * @param model   the vision model that wrote the caption; {@code null} for offline features
     */
    record ImageDescription(String imageKey, String imageUrl, String source, String caption, String model,
            ImageFeatures features, Instant generatedAt) {
    }
}
