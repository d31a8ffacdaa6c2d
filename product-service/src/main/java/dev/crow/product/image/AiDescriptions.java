package dev.crow.product.image;

import dev.crow.platform.error.CrowException;
import dev.crow.platform.security.CallerContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import dev.crow.platform.storage.ObjectStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Describes a product's images, computing each description once and keeping it. Offline image
 * features are always measured; with a vision provider configured each image also gets a caption,
 * and a stored offline description is upgraded the next time it is asked for. A failed provider
 * call falls back to the offline description and is retried on a later request.
 */
@Component
class AiDescriptions {

    static final String OFFLINE = "offline-features";
    static final String VISION = "vision-model";

    private record StoredImage(UUID id, String key, String contentType, Integer width, Integer height) {
    }

    private record Stored(String source, String caption, String model, String features, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final ObjectStore store;
    private final VisionCaptioner vision;
    private final ObjectMapper json;

    AiDescriptions(JdbcClient jdbc, ObjectStore store, VisionCaptioner vision, ObjectMapper json) {
        this.jdbc = jdbc;
        this.store = store;
        this.vision = vision;
        this.json = json;
    }

    AiDescriptionsView describe(CallerContext caller, UUID productId) {
        String owner = jdbc.sql("SELECT organization_id FROM products WHERE id = :id").param("id", productId)
                .query(String.class).optional().orElseThrow(() -> CrowException.notFound("Product"));
        caller.requireOrganization(owner);
        List<StoredImage> images = jdbc.sql("SELECT id, object_key, content_type, width, height FROM product_images "
                        + "WHERE product_id = :id ORDER BY position")
                .param("id", productId)
                .query((rs, n) -> new StoredImage((UUID) rs.getObject("id"), rs.getString("object_key"),
                        rs.getString("content_type"), (Integer) rs.getObject("width"), (Integer) rs.getObject("height")))
                .list();
        List<AiDescriptionsView.ImageDescription> descriptions = new ArrayList<>();
        for (StoredImage image : images) {
            descriptions.add(describe(image));
        }
        boolean allVision = !descriptions.isEmpty() && descriptions.stream().allMatch(d -> VISION.equals(d.source()));
        return new AiDescriptionsView(productId.toString(), allVision ? VISION : OFFLINE, descriptions);
    }

    private AiDescriptionsView.ImageDescription describe(StoredImage image) {
        Optional<Stored> stored = stored(image.id());
        if (stored.isPresent() && (VISION.equals(stored.get().source()) || !vision.configured())) {
            return view(image, stored.get());
        }
        byte[] bytes = bytes(image.key());
        ImageType type = ImageKey.type(image.key()).orElseThrow();
        ImageFeatures features = stored.isPresent()
                ? json.readValue(stored.get().features(), ImageFeatures.class)
                : ImageFeatures.of(bytes, type, image.width() == null ? 0 : image.width(),
                        image.height() == null ? 0 : image.height());
        Optional<VisionCaptioner.Caption> caption = vision.caption(bytes, type.contentType());
        Stored fresh = caption
                .map(c -> new Stored(VISION, c.text(), c.model(), json.writeValueAsString(features), Instant.now()))
                .orElseGet(() -> new Stored(OFFLINE, null, null, json.writeValueAsString(features), Instant.now()));
        if (caption.isPresent() || stored.isEmpty()) {
            save(image.id(), fresh);
        }
        return view(image, fresh);
    }

    private AiDescriptionsView.ImageDescription view(StoredImage image, Stored stored) {
        return new AiDescriptionsView.ImageDescription(image.key(), "/api/v1/products/images/" + image.key(),
                stored.source(), stored.caption(), stored.model(), json.readValue(stored.features(), ImageFeatures.class),
                stored.createdAt());
    }

    private Optional<Stored> stored(UUID imageId) {
        return jdbc.sql("SELECT source, caption, model, features::text AS features, created_at FROM image_descriptions "
                        + "WHERE image_id = :id")
                .param("id", imageId)
                .query((rs, n) -> new Stored(rs.getString("source"), rs.getString("caption"), rs.getString("model"),
                        rs.getString("features"), instant(rs.getTimestamp("created_at"))))
                .optional();
    }

    private void save(UUID imageId, Stored description) {
        jdbc.sql("""
                        INSERT INTO image_descriptions (image_id, source, model, caption, features, created_at)
                        VALUES (:id, :source, :model, :caption, CAST(:features AS jsonb), :created)
                        ON CONFLICT (image_id) DO UPDATE SET source = EXCLUDED.source, model = EXCLUDED.model,
                            caption = EXCLUDED.caption, features = EXCLUDED.features, created_at = EXCLUDED.created_at
                        """)
                .param("id", imageId).param("source", description.source()).param("model", description.model())
                .param("caption", description.caption()).param("features", description.features())
                .param("created", Timestamp.from(description.createdAt()))
                .update();
    }

    private byte[] bytes(String key) {
        return store.get(ImageKey.storeKey(key)).orElseThrow(() -> CrowException.notFound("Image")).content();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
